package dev.encore.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body with one file part named {@code file}, as browsers send it. */
public final class Multipart {

    private Multipart() {
    }

    /** A POST of {@code content} as part {@code file} to {@code path}, signed in with {@code token}. */
    public static HttpRequest.Builder upload(Api api, String path, String token, String filename, String contentType,
            byte[] content) {
        return uploadEach(api, path, token, contentType, content, filename);
    }

    /** Like {@link #upload}, with a {@code file} part of {@code content} for each of {@code filenames}. */
    public static HttpRequest.Builder uploadEach(Api api, String path, String token, String contentType,
            byte[] content, String... filenames) {
        String boundary = "encore" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String filename : filenames) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
