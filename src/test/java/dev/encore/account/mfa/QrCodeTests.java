package dev.encore.account.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

class QrCodeTests {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    @Test
    void thePathDrawsACodeThatReadsBackAsTheText() throws Exception {
        String uri = "otpauth://totp/Encore:d%C3%A9j%C3%A0?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Encore";

        QrCode code = QrCode.of(uri);

        BitMatrix drawn = new BitMatrix(code.size());
        Matcher runs = RUN.matcher(code.path());
        int end = 0;
        while (runs.find()) {
            assertThat(runs.start()).as("nothing but runs").isEqualTo(end);
            end = runs.end();
            drawn.setRegion(Integer.parseInt(runs.group(1)), Integer.parseInt(runs.group(2)),
                    Integer.parseInt(runs.group(3)), 1);
        }
        assertThat(end).isEqualTo(code.path().length());
        assertThat(new Decoder().decode(drawn).getText()).isEqualTo(uri);
    }

    @Test
    void anEnrolmentCarriesItsUriAsACode() {
        SecondFactor.Enrolment enrolment = new SecondFactor.Enrolment("ABC", "otpauth://totp/Encore:dj?secret=ABC");

        assertThat(enrolment.qrCode()).isEqualTo(QrCode.of("otpauth://totp/Encore:dj?secret=ABC"));
        assertThat(enrolment.qrCode().size()).isGreaterThanOrEqualTo(21);
    }
}
