package dev.encore.library.presentation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rendered slides of presentations ({@code presentation_slides}). Plain statements rather than
 * a collection of the presentation: they are written once, all at once, when it becomes ready, and
 * carry every page's text; loading them with every presentation (a page of the listing, each slide
 * image a player fetches) would read all of it every time, and a save of the presentation would
 * rewrite them.
 */
@Repository
public class PresentationSlides {

    private static final String COLUMNS = "slide_number, width, height, full_sha256, full_bytes, thumb_width, "
            + "thumb_height, thumb_sha256, thumb_bytes, slide_text";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    PresentationSlides(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void insertAll(UUID presentationId, List<Slide> slides) {
        batches.batchUpdate("INSERT INTO presentation_slides (presentation_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", slides.stream().map(slide -> new Object[] {
                        presentationId, slide.number(), slide.width(), slide.height(), slide.fullSha256(),
                        slide.fullBytes(), slide.thumbWidth(), slide.thumbHeight(), slide.thumbSha256(),
                        slide.thumbBytes(), slide.text()}).toList());
    }

    /** A presentation's slides in page order (none until it is ready). */
    public List<Slide> of(UUID presentationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM presentation_slides WHERE presentation_id = :id"
                + " ORDER BY slide_number").param("id", presentationId).query(PresentationSlides::row).list();
    }

    /** One slide by its 1-based number. */
    public Optional<Slide> find(UUID presentationId, int number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM presentation_slides WHERE presentation_id = :id"
                + " AND slide_number = :number").param("id", presentationId).param("number", number)
                .query(PresentationSlides::row).optional();
    }

    /** The images of a presentation's slides: the blobs it keeps alive beside its PDF. */
    public List<String> blobsOf(UUID presentationId) {
        return jdbc.sql("SELECT full_sha256, thumb_sha256 FROM presentation_slides WHERE presentation_id = :id")
                .param("id", presentationId)
                .query((row, number) -> List.of(row.getString("full_sha256"), row.getString("thumb_sha256")))
                .list().stream().flatMap(List::stream).toList();
    }

    private static Slide row(ResultSet row, int number) throws SQLException {
        return new Slide(row.getInt("slide_number"), row.getInt("width"), row.getInt("height"),
                row.getString("full_sha256"), row.getLong("full_bytes"), row.getInt("thumb_width"),
                row.getInt("thumb_height"), row.getString("thumb_sha256"), row.getLong("thumb_bytes"),
                row.getString("slide_text"));
    }
}
