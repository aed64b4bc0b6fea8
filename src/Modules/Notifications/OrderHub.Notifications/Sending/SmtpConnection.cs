using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// The one SMTP connection of the email sender (MailKit). It opens (TLS as configured, then login) on the first
/// email of a batch, carries every further email of that batch, and is closed with QUIT by <see cref="EndBatchAsync"/>.
/// When the server has dropped it between two emails (an idle timeout, a per-connection limit), the next email
/// reconnects and goes out on the new connection. When connecting itself fails, the rest of the batch fails with
/// the same reason instead of knocking again: the next batch tries anew.
/// </summary>
internal sealed class SmtpConnection(SmtpOptions smtp, ILogger<SmtpConnection> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;
    private SmtpSendException? _connectFailure;
    private string? _certificateProblem;

    public string Endpoint => $"{smtp.Host}:{smtp.Port}";

    /// <summary>Sends one email; throws <see cref="SmtpSendException"/> with a readable reason when it was not taken.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connectFailure is not null)
            {
                throw new SmtpSendException(_connectFailure.Message, permanent: false, _connectFailure.InnerException);
            }

            var reused = _client is { IsConnected: true };
            var client = reused ? _client! : await ConnectAsync(cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception exception) when (reused && Dropped(exception) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("The SMTP server {Endpoint} closed the connection between two emails ({Reason}); reconnecting", Endpoint, exception.Message);
                client = await ConnectAsync(cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not SmtpSendException && !cancellationToken.IsCancellationRequested)
        {
            throw Describe(exception, connecting: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Says goodbye (QUIT) and forgets a failure to connect, so the next batch starts afresh.</summary>
    public async Task EndBatchAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _connectFailure = null;
            await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await EndBatchAsync();
        _gate.Dispose();
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        _certificateProblem = null;
        var client = new SmtpClient
        {
            Timeout = (int)Math.Min(int.MaxValue, smtp.Timeout.TotalMilliseconds),
            ServerCertificateValidationCallback = ValidateCertificate,
        };
        _client = client;
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, ToMailKit(smtp.EffectiveSecurity), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await CloseAsync();
            _connectFailure = Describe(exception, connecting: true);
            throw _connectFailure;
        }
    }

    private async Task CloseAsync()
    {
        if (_client is not { } client)
        {
            return;
        }

        _client = null;
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(smtp.Timeout);
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception exception)
        {
            // The emails are sent; a server that does not answer QUIT changes nothing about them.
            logger.LogDebug(exception, "Closing the SMTP connection to {Endpoint} failed", Endpoint);
        }
        finally
        {
            client.Dispose();
        }
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        var thumbprint = certificate is null ? null : Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        if (thumbprint is not null && smtp.PinnedThumbprint is { } pinned
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(thumbprint), System.Text.Encoding.ASCII.GetBytes(pinned)))
        {
            return true;
        }

        _certificateProblem = certificate is null
            ? $"the server sent no certificate ({errors})"
            : $"the server certificate {certificate.Subject} (SHA-256 {thumbprint}) is not accepted: {errors}";
        return false;
    }

    private SmtpSendException Describe(Exception exception, bool connecting)
    {
        var endpoint = Endpoint;
        return exception switch
        {
            SmtpSendException known => known,
            SmtpCommandException command => new SmtpSendException(
                $"SMTP {(int)command.StatusCode} {Rejected(command)}: {command.Message}",
                permanent: (int)command.StatusCode >= 500 && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted,
                command),
            SslHandshakeException handshake => new SmtpSendException(
                $"TLS handshake failed with {endpoint}: {_certificateProblem ?? Innermost(handshake).Message}", permanent: false, handshake),
            AuthenticationException login => new SmtpSendException(
                $"authentication failed for user '{smtp.User}' at {endpoint}: {login.Message}", permanent: false, login),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } refused => new SmtpSendException(
                $"connection refused to {endpoint}", permanent: false, refused),
            SocketException socket => new SmtpSendException(
                $"cannot connect to {endpoint}: {socket.Message}", permanent: false, socket),
            NotSupportedException unsupported when connecting => new SmtpSendException(
                $"{endpoint} cannot be used as configured ({nameof(SmtpOptions.Security)} {smtp.EffectiveSecurity}): {unsupported.Message}", permanent: false, unsupported),
            TimeoutException or OperationCanceledException => new SmtpSendException(
                $"The SMTP server did not answer within {smtp.Timeout.TotalSeconds:0.#} s ({endpoint}).", permanent: false, exception),
            SmtpProtocolException protocol => new SmtpSendException(
                $"SMTP protocol error with {endpoint}: {protocol.Message}", permanent: false, protocol),
            IOException or ServiceNotConnectedException => new SmtpSendException(
                $"connection to {endpoint} lost: {Innermost(exception).Message}", permanent: false, exception),
            _ => new SmtpSendException($"{exception.GetType().Name}: {exception.Message}", permanent: false, exception),
        };
    }

    private static string Rejected(SmtpCommandException command) => command.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $"recipient <{command.Mailbox?.Address}> rejected",
        SmtpErrorCode.SenderNotAccepted => $"sender <{command.Mailbox?.Address}> rejected",
        SmtpErrorCode.MessageNotAccepted => "message rejected",
        _ => "unexpected answer",
    };

    /// <summary>Failures that mean the server closed the connection before this email, not that it refused it.</summary>
    private static bool Dropped(Exception exception) =>
        exception is ServiceNotConnectedException or IOException or SmtpProtocolException
        || (exception is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable });

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };
}
