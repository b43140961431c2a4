package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import dev.encore.EncoreApplication;

/** Many nodes must share their files: the distributed profile refuses a store that is only this node's. */
@ExtendWith(OutputCaptureExtension.class)
class DistributedSettingsGuardTests {

    @TempDir
    Path dataDir;

    @Test
    void refusesToStartOnALocalStoreNotDeclaredShared(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EncoreApplication.class)
                .web(WebApplicationType.NONE).profiles("distributed");
        assertThatThrownBy(() -> app.run("--encore.data-dir=" + dataDir).close())
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining("encore.storage.local.shared");
        assertThat(output.getAll()).contains("Encore refuses to start with the distributed profile: "
                + "encore.storage.local.shared must be true").contains("ENCORE_STORAGE_LOCAL_SHARED")
                .contains("encore.storage.type=s3");
    }

    @Test
    void aBucketOrADeclaredSharedDirectoryPasses() {
        assertThatCode(() -> DistributedSettingsGuard.check(new MockEnvironment()
                .withProperty("encore.storage.type", "s3"))).doesNotThrowAnyException();
        assertThatCode(() -> DistributedSettingsGuard.check(new MockEnvironment()
                .withProperty("encore.storage.local.shared", "true"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> DistributedSettingsGuard.check(new MockEnvironment()
                .withProperty("encore.storage.type", "LOCAL").withProperty("encore.storage.local.shared", "false")))
                .isInstanceOf(UnsafeSettingException.class);
    }
}
