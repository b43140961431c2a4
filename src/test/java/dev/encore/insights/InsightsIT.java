package dev.encore.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.ingest.ImportsClient;
import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts.Account;

/**
 * Insights over HTTP: plays, viewings and downloads of real items counted for their listeners and
 * owners, read back through the API and as CSV, XLSX and PDF reports; what members may not read; bad
 * input as problems.
 */
class InsightsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static MediaServer origin;

    @BeforeAll
    static void origin() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        origin.file("/counted.mp3", MediaTools.tone(media.resolve("counted.mp3"), "Counted", 520, 2), "audio/mpeg", 0);
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void playsViewingsAndDownloadsAreCountedForListenersAndOwnersAndExported() throws Exception {
        LibraryFixtures fixtures = LibraryFixtures.of(new Api(port), media);
        Account owner = users.user();
        Account fan = users.user();
        JsonNode trackCreated = fixtures.track(owner, "visibility", "public");
        String track = trackCreated.path("id").asString();
        String title = trackCreated.path("title").asString();
        String video = fixtures.video(owner, "visibility", "public").path("id").asString();

        assertThat(bytes(fan, "/api/v1/tracks/" + track + "/stream", null).statusCode()).isEqualTo(200);
        assertThat(bytes(fan, "/api/v1/tracks/" + track + "/stream", "bytes=0-").statusCode()).isEqualTo(206);
        assertThat(bytes(fan, "/api/v1/tracks/" + track + "/stream", "bytes=1000-").statusCode())
                .as("a seek is no new play").isEqualTo(206);
        assertThat(bytes(owner, "/api/v1/tracks/" + track + "/stream", null).statusCode()).isEqualTo(200);
        assertThat(bytes(fan, "/api/v1/videos/" + video + "/stream", null).statusCode()).isEqualTo(200);
        assertThat(bytes(fan, "/api/v1/videos/" + video + "/stream", "bytes=0-1").statusCode())
                .as("a player's probe is no viewing").isEqualTo(206);

        ImportsClient imports = new ImportsClient(port);
        String imported = imports.start(owner.accessToken(), origin.url("/counted.mp3"), "mp3");
        String file = imports.awaitFinished(owner.accessToken(), imported).path("items").get(0).path("fileId").asString();
        String link = imports.fileLink(owner.accessToken(), file);
        assertThat(new Api(port).sendBytes(new Api(port).request(link).GET()).statusCode()).isEqualTo(200);
        assertThat(new Api(port).sendBytes(new Api(port).request(link).header("Range", "bytes=100-199").GET())
                .statusCode()).as("a resumed download is the same download").isEqualTo(206);

        JsonNode trackInsights = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> item(owner, "track", track), body -> body.path("total").asLong() == 3);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(trackInsights.path("days").valueStream().filter(day -> day.path("day").asString().equals(today))
                .findFirst().orElseThrow().path("count").asLong()).isEqualTo(3);
        assertThat(trackInsights.path("name").asString()).as("named by its title").isEqualTo(title);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> item(owner, "video", video).path("total").asLong() == 1
                        && item(owner, "file", file).path("total").asLong() == 1);

        JsonNode mine = Api.json(new Api(port).get("/api/v1/insights/me", fan.accessToken()));
        assertThat(mine.path("totals").path("plays").asLong()).isEqualTo(2);
        assertThat(mine.path("totals").path("watches").asLong()).isEqualTo(1);
        assertThat(mine.path("totals").path("downloads").asLong()).isZero();
        assertThat(mine.path("days")).hasSize(30);
        assertThat(mine.path("topTracks").get(0).path("id").asString()).isEqualTo(track);
        assertThat(mine.path("topTracks").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(mine.path("topVideos").get(0).path("id").asString()).isEqualTo(video);
        JsonNode ownerTotals = await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.json(new Api(port).get("/api/v1/insights/me", owner.accessToken())).path("totals"),
                totals -> totals.path("imports").asLong() == 1);
        assertThat(ownerTotals.path("plays").asLong()).isEqualTo(1);
        assertThat(ownerTotals.path("downloads").asLong()).isEqualTo(1);

        JsonNode myItems = Api.json(new Api(port).get("/api/v1/insights/me/items?kind=track&size=5", fan.accessToken()));
        assertThat(myItems.path("totalItems").asLong()).isEqualTo(1);
        assertThat(myItems.path("items").get(0).path("id").asString()).isEqualTo(track);

        reportsOfEachFormat(fan, track, title);
    }

    private void reportsOfEachFormat(Account fan, String track, String title) throws Exception {
        HttpResponse<byte[]> csv = report(fan, "{\"format\":\"csv\"}");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition -> assertThat(disposition)
                .startsWith("attachment").contains("encore-insights-me-").contains(".csv"));
        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("record,date,kind,id,name,plays,watches,downloads,imports");
        assertThat(lines).contains("item,,track," + track + "," + title + ",2,,,");
        assertThat(lines).filteredOn(line -> line.startsWith("day,")).hasSize(30);

        HttpResponse<byte[]> xlsx = report(fan, "{\"format\":\"xlsx\",\"scope\":\"me\"}");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> items = workbook.findSheet("Top items").orElseThrow().read();
            assertThat(items.get(1).getCellText(1)).isEqualTo(track);
            assertThat(items.get(1).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(2);
        }

        HttpResponse<byte[]> pdf = new Api(port).sendBytes(reportRequest(fan, "{}").header("Accept", "application/pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Encore insights: my activity",
                    "Totals: 2 plays, 1 viewing, 0 downloads, 0 imports", title);
        }
    }

    @Test
    void membersReadNeitherOthersItemsNorTheServerWhichAdminsDo() throws Exception {
        LibraryFixtures fixtures = LibraryFixtures.of(new Api(port), media);
        Account owner = users.user();
        Account other = users.user();
        Account admin = users.admin();
        String track = fixtures.track(owner, "visibility", "public").path("id").asString();
        assertThat(bytes(other, "/api/v1/tracks/" + track + "/stream", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> item(owner, "track", track).path("total").asLong() == 1);

        ProblemAssert.assertProblem(new Api(port).get("/api/v1/insights/items/track/" + track, other.accessToken()),
                404, "not-found");
        ProblemAssert.assertProblem(new Api(port).get("/api/v1/insights/items/video/" + track, owner.accessToken()),
                404, "not-found");
        ProblemAssert.assertProblem(new Api(port).get("/api/v1/insights/overview", other.accessToken()), 403,
                "forbidden");
        ProblemAssert.assertProblem(new Api(port).get("/api/v1/insights/overview/items", other.accessToken()), 403,
                "forbidden");
        ProblemAssert.assertProblem(refused(other, "{\"format\":\"csv\",\"scope\":\"server\"}"), 403, "forbidden");
        assertThat(new Api(port).get("/api/v1/insights/me", null).statusCode()).isEqualTo(401);

        assertThat(item(admin, "track", track).path("total").asLong()).isEqualTo(1);
        JsonNode overview = Api.json(new Api(port).get("/api/v1/insights/overview", admin.accessToken()));
        assertThat(overview.path("totals").path("plays").asLong()).isPositive();
        assertThat(overview.path("activeUsers").asLong()).isPositive();
        assertThat(overview.path("days")).hasSize(30);
        HttpResponse<byte[]> server = report(admin, "{\"format\":\"csv\",\"scope\":\"server\"}");
        assertThat(server.statusCode()).isEqualTo(200);
        assertThat(new String(server.body(), StandardCharsets.UTF_8)).startsWith(
                "record,date,kind,id,name,plays,watches,downloads,imports,active_users\r\n");
    }

    @Test
    void badInputIsAProblemAndMakesNoReport() {
        Account member = users.user();
        String token = member.accessToken();
        ProblemAssert.assertInvalidField(refused(member, "{\"format\":\"docx\"}"), "format");
        ProblemAssert.assertProblem(new Api(port).send(reportRequest(member, "{}").header("Accept", "application/json")),
                406, "not-acceptable");
        ProblemAssert.assertInvalidField(refused(member, "{\"format\":\"csv\",\"scope\":\"everyone\"}"), "scope");
        ProblemAssert.assertInvalidField(refused(member,
                "{\"format\":\"pdf\",\"from\":\"2026-03-10\",\"to\":\"2026-03-09\"}"), "to");
        ProblemAssert.assertInvalidField(refused(member,
                "{\"format\":\"xlsx\",\"from\":\"2024-01-01\",\"to\":\"2025-12-31\"}"), "to");
        ProblemAssert.assertInvalidField(refused(member, "{\"format\":\"csv\",\"from\":\"yesterday\"}"), "from");

        ProblemAssert.assertInvalidField(new Api(port).get("/api/v1/insights/me?from=2026-03-10&to=2026-03-01", token), "to");
        ProblemAssert.assertInvalidField(new Api(port).get("/api/v1/insights/me?from=2025-01-01&to=2026-03-01", token), "to");
        ProblemAssert.assertInvalidField(new Api(port).get("/api/v1/insights/me?from=not-a-date", token), "from");
        ProblemAssert.assertInvalidField(new Api(port).get("/api/v1/insights/me?limit=0", token), "limit");
        ProblemAssert.assertInvalidField(new Api(port).get("/api/v1/insights/me/items?kind=album", token), "kind");
        ProblemAssert.assertInvalidField(new Api(port).get("/api/v1/insights/items/album/"
                + java.util.UUID.randomUUID(), token), "kind");
        assertThat(new Api(port).get("/api/v1/insights/items/track/not-a-uuid", token).statusCode()).isEqualTo(400);
    }

    private JsonNode item(Account account, String kind, String id) {
        HttpResponse<String> response = new Api(port).get("/api/v1/insights/items/" + kind + "/" + id,
                account.accessToken());
        return response.statusCode() == 200 ? Api.json(response) : Api.json("{\"total\":-1}");
    }

    private HttpResponse<byte[]> bytes(Account account, String path, String range) {
        Api client = new Api(port);
        HttpRequest.Builder request = client.request(path).header("Authorization", "Bearer " + account.accessToken());
        if (range != null) {
            request.header("Range", range);
        }
        return client.sendBytes(request.GET());
    }

    private HttpResponse<byte[]> report(Account account, String json) {
        return new Api(port).sendBytes(reportRequest(account, json));
    }

    /** A report request answered with a problem, its body as text. */
    private HttpResponse<String> refused(Account account, String json) {
        return new Api(port).send(reportRequest(account, json));
    }

    private HttpRequest.Builder reportRequest(Account account, String json) {
        return new Api(port).request("/api/v1/reports").header("Authorization", "Bearer " + account.accessToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
