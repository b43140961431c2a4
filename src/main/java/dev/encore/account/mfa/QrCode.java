package dev.encore.account.mfa;

import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as a client draws it: the modules of a {@code size}×{@code size} grid (no quiet zone)
 * as SVG path data, one {@code M x y h n v 1 h -n z} rectangle per run of dark modules in a row.
 * A browser puts it in {@code <svg viewBox="0 0 size size"><path d="…"/></svg>}; nothing else
 * needs a QR library.
 *
 * @param size modules per side
 * @param path SVG path data of the dark modules, in module units
 */
public record QrCode(int size, String path) {

    /** Encodes {@code text} (byte mode, UTF-8) at error correction level M. */
    static QrCode of(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        }
        catch (WriterException tooLong) {
            throw new IllegalArgumentException("Cannot encode this text as a QR code", tooLong);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                        .append("v1h-").append(x - start).append('z');
            }
        }
        return new QrCode(matrix.getWidth(), path.toString());
    }
}
