"""aiosmtpd handler for the integration tests.

Run as: /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.EmlDirectory DIRECTORY
Each received message is written to DIRECTORY as <id>.eml (the raw message) and <id>.json (envelope and
a summary parsed by Python's email package, an independent MIME parser). The .json appears last, atomically.
"""
import json
import os
import uuid
from email import policy
from email.parser import BytesParser


class EmlDirectory:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.EmlDirectory needs the output directory")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        name = uuid.uuid4().hex
        self._write(name + ".eml", raw)
        message = BytesParser(policy=policy.default).parsebytes(raw)
        parts = [
            {
                "contentType": part.get_content_type(),
                "charset": part.get_content_charset(),
                "content": part.get_content(),
            }
            for part in message.walk()
            if not part.is_multipart()
        ]
        summary = {
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "messageId": str(message["Message-ID"] or ""),
            "subject": str(message["Subject"] or ""),
            "from": str(message["From"] or ""),
            "to": str(message["To"] or ""),
            "contentLanguage": str(message["Content-Language"] or ""),
            "contentType": message.get_content_type(),
            "parts": parts,
        }
        self._write(name + ".json", json.dumps(summary, ensure_ascii=False).encode("utf-8"))
        return "250 Message accepted for delivery"

    def _write(self, name, data):
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, os.path.join(self.directory, name))
