package dev.encore.platform.web;

import java.util.List;
import java.util.Optional;

/**
 * Every problem type Encore answers with: the one list the pages under {@code /problems/} are
 * made from. A problem type used anywhere in the code without an entry here fails the build
 * ({@code ProblemCatalogueTests}), so every {@code type} URI a client sees leads to a page.
 */
final class ProblemCatalogue {

    /**
     * One problem type.
     *
     * @param name    the last segment of the type URI, e.g. {@code not-found}
     * @param status  the HTTP status it comes with
     * @param title   its short title
     * @param meaning what happened, for the person reading the page
     * @param action  what to do about it
     */
    record ProblemType(String name, int status, String title, String meaning, String action) {
    }

    static final List<ProblemType> TYPES = List.of(
            // the platform's generic answers
            new ProblemType("bad-request", 400, "Bad request",
                    "The request could not be read: a required parameter is missing, a percent-escape in the query is broken, "
                            + "the multipart body has no boundary or is cut short, or the request line, a header or the path is "
                            + "malformed or too large (an encoded / or ../, a control character, another HTTP version than 1.1).",
                    "Check the request against the API description at /swagger-ui.html and send it again."),
            new ProblemType("validation-failed", 400, "Validation failed",
                    "One or more fields of the request are invalid. The answer's errors list names every field at once, each with what is wrong.",
                    "Correct every field named in errors and send the request again."),
            new ProblemType("malformed-request", 400, "Malformed request body",
                    "The body is not valid JSON, or a field has the wrong type (text where a number belongs, for example).",
                    "Send a JSON body that matches the operation's schema, with Content-Type: application/json."),
            new ProblemType("unauthenticated", 401, "Unauthenticated",
                    "No access token was sent, or it is invalid, expired or revoked (signed out).",
                    "Sign in (POST /api/v1/auth/login) or refresh the token (POST /api/v1/auth/refresh), then send Authorization: Bearer <token>."),
            new ProblemType("forbidden", 403, "Forbidden",
                    "You are signed in but may not do this: it is for admins, or the content belongs to someone else.",
                    "Use an account that may do it, or ask an admin."),
            new ProblemType("cors-rejected", 403, "Origin not allowed",
                    "A browser sent this request from a web page whose origin Encore does not allow to call the API.",
                    "The operator adds the page's origin (for example https://media.example.org) to encore.security.allowed-origins."),
            new ProblemType("not-found", 404, "Not found",
                    "Nothing exists at this path, or the resource does not exist, has expired or is not yours. Encore does not tell these apart, so nobody learns which ids other people have.",
                    "Check the id or the link; list your content again to get current ids."),
            new ProblemType("method-not-allowed", 405, "Method not allowed",
                    "The path exists, but not with this HTTP method. The Allow header lists the methods it takes.",
                    "Use one of the methods in the Allow header."),
            new ProblemType("not-acceptable", 406, "Not acceptable",
                    "Encore cannot answer in any of the media types the Accept header lists.",
                    "Accept application/json (and application/problem+json for errors), or send no Accept header."),
            new ProblemType("conflict", 409, "Conflict",
                    "The request conflicts with the current state of the resource.",
                    "Read the resource again, then decide whether to repeat the request."),
            new ProblemType("gone", 410, "Gone",
                    "What the request asked for existed, but is gone for good.",
                    "Ask for a current resource or link instead."),
            new ProblemType("precondition-failed", 412, "Precondition failed",
                    "The resource changed since you read it (If-Match names an older version), or a file no longer matches If-Match or If-Unmodified-Since.",
                    "Read it again (GET), then repeat the change with the new ETag in If-Match."),
            new ProblemType("payload-too-large", 413, "Payload too large",
                    "The body is larger than this endpoint accepts: JSON bodies are bounded by encore.http.max-json-body, uploads by encore.upload.max-bytes.",
                    "Send a smaller body; upload large files with the resumable tus endpoint within the limit."),
            new ProblemType("unsupported-media-type", 415, "Unsupported media type",
                    "The Content-Type is not one this endpoint reads (a range such as */* names no type), or an uploaded file's content is not a type it accepts.",
                    "Send application/json to JSON endpoints, and audio, video, images or PDF to uploads."),
            new ProblemType("range-not-satisfiable", 416, "Range not satisfiable",
                    "The Range header asks for bytes outside the file. Content-Range: bytes */<length> gives the file's length.",
                    "Ask for a range inside the file, or for the whole file without Range."),
            new ProblemType("rate-limited", 429, "Too many requests",
                    "A rate limit refused the request: too many requests from this client or account in the limit's window.",
                    "Wait the number of seconds in Retry-After; RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset describe the limit."),
            new ProblemType("too-many-streams", 429, "Too many streams",
                    "You hold as many progress streams (GET …/events, server-sent events) open on this server as one user may (16).",
                    "Close a stream you no longer read, or follow progress over STOMP (/ws), which carries every message on one connection; Retry-After says when to try again."),
            new ProblemType("too-many-connections", 429, "Too many connections",
                    "Your address holds as many WebSocket connections to /ws open on this server as one address may (64 unless the operator changed it).",
                    "Close a connection you no longer use (one connection carries every subscription); Retry-After says when to try again."),
            new ProblemType("client-error", 400, "Client error",
                    "The request was refused for a reason that has no more specific problem type; the status code says which.",
                    "Read the detail and the status code, correct the request and send it again."),
            new ProblemType("internal-error", 500, "Internal error",
                    "Something failed on the server. The details are in the server's log under this answer's request id, never in the answer.",
                    "Try again later; if it keeps happening, report the requestId of the answer to the operator."),
            new ProblemType("unavailable", 503, "Service unavailable",
                    "Encore cannot handle the request right now (starting, stopping, overloaded, or its database is unreachable).",
                    "Try again later, after the number of seconds in Retry-After if the answer has it."),

            // accounts
            new ProblemType("account-exists", 409, "Account exists",
                    "An account with this username or email already exists (usernames and emails are unique ignoring case); errors names which.",
                    "Choose another username or email, or sign in to the existing account."),
            new ProblemType("invalid-admin-key", 403, "Invalid admin key",
                    "The adminKey sent with the registration is not Encore's admin registration key. The attempt is in the audit trail.",
                    "Register without adminKey, or ask the operator for the key."),
            new ProblemType("admin-key-spent", 403, "Admin key already used",
                    "The admin registration key is a bootstrap key: it registers the first admin only, and an admin exists now. Keys Encore generates always work this way; a key the operator sets keeps working only with encore.security.admin-key-reusable=true.",
                    "Register without adminKey and ask an admin to promote your account (PATCH /api/v1/admin/users/{id})."),
            new ProblemType("invalid-credentials", 401, "Invalid credentials",
                    "The username, email or password is not correct. Encore does not say which.",
                    "Check them and sign in again; after 10 attempts in 15 minutes sign-in is paused (rate-limited)."),
            new ProblemType("mfa-required", 401, "Second factor required",
                    "The password was right, and the account uses two-factor authentication.",
                    "Send the login again with totpCode (from the authenticator app) or recoveryCode."),
            new ProblemType("invalid-mfa-code", 401, "Invalid code",
                    "The authentication or recovery code is not valid, has expired or was already used (each works once).",
                    "Enter the current code of the authenticator app, or an unused recovery code."),
            new ProblemType("invalid-refresh-token", 401, "Invalid refresh token",
                    "The refresh token is unknown, expired or revoked, or its session has ended.",
                    "Sign in again."),
            new ProblemType("refresh-token-reused", 401, "Refresh token reused",
                    "A refresh token that had already been used was presented again, which suggests it was stolen; the whole session has been ended for safety.",
                    "Sign in again; if you did not reuse the token yourself, change your password."),
            new ProblemType("origin-refused", 403, "Origin not allowed",
                    "A refresh through the cookie came without an Origin header of Encore's public URL or an allowed origin.",
                    "Refresh from the web app itself, or send the refresh token in the body instead of the cookie."),
            new ProblemType("account-disabled", 403, "Account disabled",
                    "An admin has disabled this account; its sessions have ended.",
                    "Contact an admin of this Encore."),
            new ProblemType("mfa-already-enabled", 409, "Two-factor already on",
                    "Two-factor authentication is already enabled for this account.",
                    "Disable it first (DELETE /api/v1/me/mfa/totp) if you want to enrol a new authenticator."),
            new ProblemType("mfa-not-started", 409, "No enrolment in progress",
                    "A code was sent to confirm two-factor authentication, but no enrolment was started.",
                    "Start with POST /api/v1/me/mfa/totp, then confirm with a code."),
            new ProblemType("mfa-not-enabled", 409, "Two-factor is off",
                    "Two-factor authentication is not enabled for this account, so there is nothing to turn off.",
                    "Nothing to do; enable it with POST /api/v1/me/mfa/totp if you want it."),
            new ProblemType("backups-external", 409, "Backups are made outside Encore",
                    "This server keeps its data in PostgreSQL. Encore backs up only its embedded database itself.",
                    "Back PostgreSQL up with pg_dump and copy the blob store; docs/storage.md, \"Backups and restores\", says how and in which order."),
            new ProblemType("own-second-factor", 409, "Own second factor",
                    "An admin asked to reset their own two-factor authentication; the admin reset is for other "
                            + "accounts, so that a stolen admin token cannot strip its owner's second factor.",
                    "Turn it off with DELETE /api/v1/me/mfa/totp and a current code or a recovery code."),
            new ProblemType("last-admin", 409, "Last admin",
                    "The change would leave Encore without an enabled admin.",
                    "Promote another account to admin first, then demote or disable this one."),

            // files, links and streaming
            new ProblemType("link-invalid", 403, "Invalid link",
                    "The signed link (a download link or a stream URL) was altered, is not a link, or no longer works for the account it was made for.",
                    "Ask for a new link: POST /api/v1/files/{id}/link for downloads; tracks and videos carry a fresh streamUrl."),
            new ProblemType("link-expired", 410, "Link expired",
                    "The signed link was valid, but its time is up.",
                    "Ask for a new one: POST /api/v1/files/{id}/link, or read the track or video again for a fresh streamUrl."),
            new ProblemType("no-files", 409, "Nothing to download",
                    "The playlist or batch import has no finished files (yet).",
                    "Wait for the import to finish, then ask for the zip link again."),
            new ProblemType("room-full", 409, "Room full",
                    "The listening room already has as many members as its maxListeners allows.",
                    "Try again when someone has left, or ask the host to raise maxListeners."),
            new ProblemType("video-not-ready", 409, "Video not processed",
                    "The video's HLS renditions, poster, thumbnail and storyboard do not exist (yet): it is still being "
                            + "processed, or processing failed or was cancelled. The video's processing field says which.",
                    "Play the original (the video's streamUrl) meanwhile, and read the video again once its processing "
                            + "state is ready for hlsUrl, posterUrl, thumbnailUrl and storyboardUrl."),
            new ProblemType("transcode-failed", 422, "Transcoding failed",
                    "The track's file could not be decoded, so it cannot be converted to the requested format "
                            + "and bitrate. The answer is remembered for a minute.",
                    "Play the original (no format or bitrate), or try another format."),
            new ProblemType("rendition-pending", 503, "Rendition being prepared",
                    "The requested format and bitrate is being transcoded and was not ready within "
                            + "encore.stream.rendition-wait; the transcode carries on.",
                    "Ask again after the number of seconds in Retry-After, or play the original meanwhile."),
            new ProblemType("transcoder-busy", 503, "Transcoder busy",
                    "This node has as many renditions waiting to be transcoded as it takes "
                            + "(encore.stream.max-queued-transcodes).",
                    "Try again after the number of seconds in Retry-After, or play the original."),
            new ProblemType("storage-unavailable", 503, "Storage unavailable",
                    "The file store (a local directory or an S3 bucket) did not answer in time.",
                    "Try again later (Retry-After); the operator checks the blob store (docs/storage.md)."),
            new ProblemType("insufficient-storage", 507, "Storage full",
                    "The disk Encore writes to (its data directory, the staging area or the database) is full, so "
                            + "nothing of the request was kept. /readyz reports the disk as DOWN below "
                            + "management.health.diskspace.threshold.",
                    "Try again later. The operator frees space on the data directory's disk or gives it more "
                            + "(docs/storage.md)."),

            // library and uploads
            new ProblemType("quota-exceeded", 403, "Quota exceeded",
                    "Your storage quota is full, or you have uploaded as much as a day allows.",
                    "Delete files or library content to make room, or wait for the daily upload allowance to renew."),
            new ProblemType("empty-upload", 400, "Empty upload",
                    "The uploaded file has no bytes.",
                    "Upload the file again, with its content."),
            new ProblemType("invalid-upload-length", 400, "Invalid Upload-Length",
                    "A resumable (tus) upload was created without a valid Upload-Length.",
                    "Send Upload-Length with the file's size in bytes, within encore.upload.max-bytes."),
            new ProblemType("invalid-upload-metadata", 400, "Invalid Upload-Metadata",
                    "The tus Upload-Metadata header is not comma-separated pairs of a key and a base64 value.",
                    "Encode each metadata value in base64, e.g. Upload-Metadata: filename c29uZy5tcDM="),
            new ProblemType("tus-version-unsupported", 412, "Unsupported tus version",
                    "The request asks for a version of the tus protocol this server does not speak (the Tus-Version header lists it).",
                    "Send Tus-Resumable: 1.0.0."),
            new ProblemType("offset-mismatch", 409, "Upload-Offset mismatch",
                    "The Upload-Offset of the request is not where the upload stands on the server.",
                    "Ask for the current offset (HEAD on the upload) and continue from there."),
            new ProblemType("upload-busy", 409, "Upload busy",
                    "Another request is writing to this resumable upload right now.",
                    "Wait for it to end, ask for the offset (HEAD), then continue."),
            new ProblemType("media-unreadable", 422, "Media unreadable",
                    "The upload looks like audio or video by its first bytes, but no sound or picture can be read "
                            + "from it: it is cut short (a download that did not finish) or damaged. Nothing was saved.",
                    "Check that the file plays in a media player, and upload the complete file."),
            new ProblemType("malware-detected", 422, "Malware detected",
                    "The malware scan found a known signature in the uploaded file; it was not stored, and the event is audited.",
                    "Do not upload this file; scan your copy with an up-to-date virus scanner."),
            new ProblemType("scanner-unavailable", 503, "Malware scanner unavailable",
                    "Uploads are scanned for malware on this server, and the scanner cannot be reached right now.",
                    "Try again later; the operator checks clamd (health component clamav)."),

            // presentations
            new ProblemType("pdf-encrypted", 422, "PDF encrypted",
                    "The PDF is encrypted or protected by a password. Encore does not decrypt PDFs, so it cannot render its pages; nothing was saved and the upload is still yours to use.",
                    "Save the PDF without protection (no password, no encryption), upload it again and make the presentation from the new upload."),
            new ProblemType("pdf-malformed", 422, "PDF damaged",
                    "The upload is not a readable PDF: it is cut short (no end-of-file marker), damaged, or has no pages. Nothing was saved.",
                    "Export or download the PDF again, check that it opens in a PDF viewer, and upload the complete file."),
            new ProblemType("pdf-too-many-pages", 422, "Too many pages",
                    "The PDF has more pages than a presentation may have (encore.presentation.max-pages, 300 unless the operator changed it). Nothing was saved.",
                    "Split the PDF into several presentations of fewer pages each."),
            new ProblemType("pdf-page-too-large", 422, "Page too large",
                    "A page of the PDF would need a huge image to render: it measures more than encore.presentation.max-page-inches a side, is so tall for its width that its slide would pass encore.presentation.max-page-pixels, or draws an image larger than encore.presentation.max-image-pixels. Nothing was saved.",
                    "Export the PDF with ordinary page sizes (A4, Letter, 16:9 slides) and images of reasonable resolution."),

            // imports
            new ProblemType("too-many-imports", 429, "Too many imports",
                    "You already have as many imports queued or running as one user may (encore.ingest.max-concurrent-per-user).",
                    "Wait for one to finish (Retry-After), or cancel one with DELETE /api/v1/imports/{id}."),
            new ProblemType("import-queue-full", 503, "Import queue full",
                    "The server has as many imports waiting as it takes (encore.ingest.max-queued).",
                    "Try again later (Retry-After)."),
            new ProblemType("ingest-unavailable", 503, "Imports unavailable",
                    "Imports need yt-dlp, ffmpeg and ffprobe, and this server cannot run them right now (see the ingest health component).",
                    "Try again later; the operator installs or fixes the media tools."),

            // live sessions: refusals of STOMP frames, sent on /user/queue/errors (see docs/live.md); the status is the
            // HTTP answer they stand for
            new ProblemType("live-unknown-destination", 404, "Unknown destination",
                    "Nothing answers a SEND to that destination (an unknown session kind, or a session id that is not a UUID), or the SUBSCRIBE was outside /user/queue/** and /topic/**. The frame was dropped; the connection stays open.",
                    "Use the destinations listed in docs/live.md: SEND to /app/..., SUBSCRIBE to /user/queue/... and /topic/live/<kind>/<id>."),
            new ProblemType("live-already-subscribed", 409, "Already subscribed",
                    "The connection is subscribed to that destination already; a second subscription would only deliver every message twice. The frame was dropped; the connection stays open.",
                    "Keep the first subscription, or UNSUBSCRIBE it before subscribing again."),
            new ProblemType("live-forbidden", 403, "Forbidden",
                    "You may not take part in that live session (subscribe to its topic, chat, send its commands), or the topic is not open to you.",
                    "Join the session first (a room through its REST API), or check that you may see what it shows."),
            new ProblemType("live-bad-payload", 400, "Bad payload",
                    "The frame's body is not the JSON the destination takes, or a field is missing or out of range. Nothing changed.",
                    "Send the body described for that destination in docs/live.md."),
            new ProblemType("live-not-host", 403, "Not the host",
                    "Only the session's host may send that command.",
                    "Ask the host, or ask to be made host."),
            new ProblemType("live-not-moderator", 403, "Not a moderator",
                    "Deleting chat messages and muting members is for the session's host or owner and for admins.",
                    "Ask the host or an admin."),
            new ProblemType("live-not-found", 404, "Not found",
                    "The chat message, user or other item the command names does not exist in that session (a muted user who is no member of it, for one), or was deleted already.",
                    "Refresh the session's state (subscribe again for a snapshot) and try again."),
            new ProblemType("live-muted", 403, "Muted",
                    "A moderator muted you in this session's chat; the muted broadcast says until when.",
                    "Wait until the mute ends or a moderator unmutes you."),
            new ProblemType("live-rate-limited", 429, "Too many messages",
                    "You sent more chat messages than the live-chat limit allows (10 per 10 seconds unless the operator changed it).",
                    "Wait the time the detail names, then send again."),
            new ProblemType("live-chat-closed", 409, "Chat closed",
                    "The session takes no chat messages now (it ended, or its kind has chat off at this stage).",
                    "Read the history with GET .../chat; chat again when the session is live."),
            new ProblemType("live-error", 500, "Command failed",
                    "The server could not carry out the command; the cause is logged with its destination. Nothing you sent was wrong.",
                    "Try again; if it keeps failing, tell the operator the time and the destination."));

    private ProblemCatalogue() {
    }

    /** The entry named {@code name}, if there is one. */
    static Optional<ProblemType> find(String name) {
        return TYPES.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
