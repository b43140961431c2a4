package dev.encore.media.video;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Tiles the storyboard's single frames into sprite sheets (row by row, at most 10x10 a sheet; the
 * last sheet only as tall as its rows) and deletes the single frames.
 */
final class StoryboardSheets {

    private static final float QUALITY = 0.8f;

    private StoryboardSheets() {
    }

    /**
     * Tiles the frames in {@code dir}'s {@code storyboard/} directory.
     *
     * @return the storyboard as made: its frame count is the number of frames ffmpeg wrote
     */
    static Storyboard tile(Path dir, Storyboard plan) throws IOException {
        List<Path> frames = new ArrayList<>();
        for (int i = 0; Files.isRegularFile(frame(dir, i)); i++) {
            frames.add(frame(dir, i));
        }
        if (frames.isEmpty()) {
            throw new IOException("no storyboard frame was made");
        }
        Storyboard made = plan.withFrames(frames.size());
        for (int sheet = 0; sheet * made.perSheet() < frames.size(); sheet++) {
            List<Path> tiles = frames.subList(sheet * made.perSheet(),
                    Math.min(frames.size(), (sheet + 1) * made.perSheet()));
            int rows = Math.ceilDiv(tiles.size(), made.columns());
            BufferedImage image = new BufferedImage(made.columns() * made.tileWidth(), rows * made.tileHeight(),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            try {
                for (int i = 0; i < tiles.size(); i++) {
                    BufferedImage tile = ImageIO.read(tiles.get(i).toFile());
                    if (tile == null) {
                        throw new IOException("unreadable storyboard frame " + tiles.get(i).getFileName());
                    }
                    graphics.drawImage(tile, i % made.columns() * made.tileWidth(), i / made.columns() * made.tileHeight(),
                            made.tileWidth(), made.tileHeight(), null);
                }
            }
            finally {
                graphics.dispose();
            }
            writeJpeg(image, dir.resolve(Storyboard.sheet(sheet)));
        }
        for (Path frame : frames) {
            Files.delete(frame);
        }
        return made;
    }

    private static Path frame(Path dir, int index) {
        return dir.resolve(String.format(Locale.ROOT, Storyboard.FRAMES, index));
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        finally {
            writer.dispose();
        }
    }
}
