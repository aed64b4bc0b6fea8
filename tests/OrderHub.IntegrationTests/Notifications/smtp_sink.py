"""A real SMTP server for the integration tests, built on Debian's aiosmtpd.

Run as: /usr/bin/python3 smtp_sink.py --listen 127.0.0.1:PORT --directory DIRECTORY [options]
Each received message is written to DIRECTORY as <id>.eml (the raw message) and <id>.json (envelope, the
connection it came over and a summary parsed by Python's email package, an independent MIME parser). The
.json appears last, atomically. Options make the server behave like the ones customers' mail goes through:
  --starttls CERT KEY       offer STARTTLS with this certificate (PEM files)
  --smtps CERT KEY          speak TLS from the first byte (implicit TLS, "SMTPS")
  --auth USER:PASSWORD      require AUTH PLAIN/LOGIN with these credentials before MAIL
  --reject-prefix PREFIX    answer RCPT for recipients starting with PREFIX with a permanent 550
  --max-per-connection N    refuse the next message with 421 and hang up after N on one connection
"""
import argparse
import asyncio
import itertools
import json
import os
import ssl
import uuid
from email import policy
from email.parser import BytesParser

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

_connections = itertools.count(1)


class EmlDirectory:
    def __init__(self, directory, reject_prefix=None, max_per_connection=None):
        self.directory = directory
        self.reject_prefix = reject_prefix
        self.max_per_connection = max_per_connection
        os.makedirs(directory, exist_ok=True)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.max_per_connection and getattr(server, "messages_received", 0) >= self.max_per_connection:
            # As a server with a per-connection limit does: refuse the next message and hang up.
            asyncio.get_running_loop().call_soon(server.transport.close)
            return "421 4.7.0 Too many messages on this connection, closing"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_prefix and address.lower().startswith(self.reject_prefix.lower()):
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

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
        connection = getattr(server, "connection_number", 0)
        server.messages_received = getattr(server, "messages_received", 0) + 1
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
            "connection": connection,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "authenticatedAs": _login(session),
        }
        self._write(name + ".json", json.dumps(summary, ensure_ascii=False).encode("utf-8"))
        return "250 Message accepted for delivery"

    def _write(self, name, data):
        temporary = os.path.join(self.directory, name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, os.path.join(self.directory, name))


def _login(session):
    data = session.auth_data
    if isinstance(data, LoginPassword):
        return data.login.decode("utf-8")
    return None


class CountedSMTP(SMTP):
    """Numbers each TCP connection, so tests can tell how many connections carried their messages."""

    def connection_made(self, transport):
        if getattr(self, "connection_number", None) is None:
            self.connection_number = next(_connections)
        super().connection_made(transport)


def _tls_context(cert, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", required=True)
    parser.add_argument("--directory", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth")
    parser.add_argument("--reject-prefix")
    parser.add_argument("--max-per-connection", type=int)
    args = parser.parse_args()

    handler = EmlDirectory(args.directory, args.reject_prefix, args.max_per_connection)
    user, password = (args.auth.split(":", 1) if args.auth else (None, None))

    def authenticate(server, session, envelope, mechanism, data):
        ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
        # handled=False: aiosmtpd then answers a refusal with 535 itself.
        return AuthResult(success=ok, handled=False, auth_data=data)

    def factory():
        return CountedSMTP(
            handler,
            hostname="smtp.orderhub.test",
            tls_context=_tls_context(*args.starttls) if args.starttls else None,
            authenticator=authenticate if user else None,
            auth_required=bool(user),
            # The plain-connection tests authenticate without TLS; the TLS tests prove encryption separately.
            auth_require_tls=False,
        )

    host, port = args.listen.rsplit(":", 1)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        factory, host=host, port=int(port), ssl=_tls_context(*args.smtps) if args.smtps else None)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
