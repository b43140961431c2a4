package dev.encore.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /** Uploads {@code content} (which must be stored: 201) and answers the upload's id. */
    public static String stored(Api api, String token, String filename, String contentType, byte[] content) {
        HttpResponse<String> uploaded = api.send(upload(api, "/api/v1/uploads", token, filename, contentType, content));
        if (uploaded.statusCode() != 201) {
            throw new AssertionError("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
        }
        return Api.json(uploaded).path("id").asString();
    }

    /** Uploads {@code mp3} and saves it as a track by {@code artist}; answers the track's id. */
    public static String track(Api api, String token, byte[] mp3, String artist) {
        HttpResponse<String> track = api.postJson("/api/v1/tracks", "{\"uploadId\":\""
                + stored(api, token, "track.mp3", "audio/mpeg", mp3) + "\",\"artist\":\"" + artist + "\"}", token);
        if (track.statusCode() != 201) {
            throw new AssertionError("saving the track answered " + track.statusCode() + ": " + track.body());
        }
        return Api.json(track).path("id").asString();
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
