package dev.encore.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StreamedInputTests {

    private static final MediaPipeline.Progress QUIET = new MediaPipeline.Progress() {
        @Override
        public void downloading(double fraction) {
        }

        @Override
        public void converting(double fraction) {
        }
    };

    @Test
    void theWholeStreamStartsWithTheHeadAlreadyRead() throws IOException {
        byte[] media = bytes(StreamedInput.HEAD_BYTES * 3 + 17);
        StreamedInput input = input(media, () -> { });
        assertThat(input.head()).hasSize(StreamedInput.HEAD_BYTES);
        assertThat(input.whole().readAllBytes()).isEqualTo(media);
    }

    @Test
    void aStreamShorterThanAHeadIsWholeInItsHead() throws IOException {
        byte[] media = bytes(1000);
        StreamedInput input = input(media, () -> { });
        assertThat(input.head()).isEqualTo(media);
        assertThat(input.whole().readAllBytes()).isEqualTo(media);
    }

    @Test
    void theWholeStreamStillEndsOnlyWhenItsEndingAgrees() throws IOException {
        StreamedInput input = input(bytes(StreamedInput.HEAD_BYTES + 5), () -> {
            throw new IOException("not whole");
        });
        input.head();
        assertThatThrownBy(() -> input.whole().readAllBytes()).hasMessage("not whole");
        assertThat(input.failure()).hasMessage("not whole");
    }

    private static StreamedInput input(byte[] media, StreamedInput.Ending ending) {
        return new StreamedInput(new ByteArrayInputStream(media), media.length, Long.MAX_VALUE, QUIET, () -> false,
                ending);
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }
}
