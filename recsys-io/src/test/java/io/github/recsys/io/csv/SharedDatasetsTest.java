package io.github.recsys.io.csv;

import io.github.recsys.data.InteractionLog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the shared MovieLens and Last.fm files; skipped when {@code ../shared/datasets} is absent. */
class SharedDatasetsTest {

    static Path datasets() {
        String prop = System.getProperty("recsys.datasets");
        for (String c : new String[] {prop, "../shared/datasets", "../../shared/datasets"}) {
            if (c != null && Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    private static Path file(String rel) {
        Path d = datasets();
        Path f = d == null ? null : d.resolve(rel);
        Assumptions.assumeTrue(f != null && Files.isRegularFile(f),
                "shared dataset " + rel + " not found (set -Drecsys.datasets=...); skipping");
        return f;
    }

    @Test
    void movieLens100k() throws IOException {
        ReadResult r = InteractionReader.defaults().read(file("ml-100k/u.data"));
        InteractionLog log = r.log();
        assertThat(log.size()).isEqualTo(100_000);
        assertThat(log.userCount()).isEqualTo(943);
        assertThat(log.itemCount()).isEqualTo(1682);
        assertThat(log.hasTimestamps()).isTrue();
        assertThat(r.delimiter()).isEqualTo(Delimiter.TAB);
        assertThat(r.header()).isFalse();
        assertThat(log.toMatrix().nnz()).isEqualTo(100_000);
    }

    @Test
    void lastFm2k() throws IOException {
        ReadResult r = InteractionReader.defaults().read(file("lastfm-2k/user_artists.dat"));
        InteractionLog log = r.log();
        assertThat(log.size()).isEqualTo(92_834);
        assertThat(log.userCount()).isEqualTo(1892);
        assertThat(log.itemCount()).isEqualTo(17_632);
        assertThat(log.hasTimestamps()).isFalse();
        float max = 0;
        for (float v : log.values()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(352_698f);
    }
}
