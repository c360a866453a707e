package io.github.recsys.io.model;

import io.github.recsys.als.AlsConfig;
import io.github.recsys.als.AlsModel;
import io.github.recsys.als.AlsRecommender;
import io.github.recsys.als.AlsSolver;
import io.github.recsys.als.AlsTrainer;
import io.github.recsys.data.IdIndex;
import io.github.recsys.data.InteractionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlsModelFilesTest {

    @TempDir
    Path dir;

    /** A trained model over random data with string or numeric ids. */
    private static AlsModel trained(boolean stringIds) {
        SplittableRandom rnd = new SplittableRandom(4);
        int users = 60;
        int items = 45;
        int n = 600;
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int t = 0; t < n; t++) {
            u[t] = rnd.nextInt(users);
            i[t] = rnd.nextInt(items);
            v[t] = 1 + rnd.nextInt(5);
        }
        IdIndex ui;
        IdIndex ii;
        if (stringIds) {
            String[] us = new String[users];
            for (int k = 0; k < users; k++) {
                us[k] = "user-" + k + (k % 7 == 0 ? "-ü✓" : "");
            }
            String[] is = new String[items];
            for (int k = 0; k < items; k++) {
                is[k] = "feature/" + (k * 31);
            }
            ui = IdIndex.ofStrings(us);
            ii = IdIndex.ofStrings(is);
        } else {
            long[] us = new long[users];
            for (int k = 0; k < users; k++) {
                us[k] = 1_000_000_000_000L + 17L * k;
            }
            long[] is = new long[items];
            for (int k = 0; k < items; k++) {
                is[k] = -5 + 3L * k;
            }
            ui = IdIndex.ofLongs(us);
            ii = IdIndex.ofLongs(is);
        }
        InteractionMatrix m = InteractionMatrix.fromTriples(users, items, u, i, v, n, ui, ii);
        AlsConfig cfg = AlsConfig.builder().factors(8).regularization(0.7).regularizationExponent(0.5).alpha(2)
                .iterations(4).cgSteps(2).threads(2).seed(11).computeLoss(true).build();
        return new AlsTrainer(cfg).fit(m);
    }

    private static byte[] bytes(AlsModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AlsModelFiles.write(model, out);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsFactorsIdsConfigAndSummary() throws IOException {
        for (boolean stringIds : new boolean[] {false, true}) {
            AlsModel model = trained(stringIds);
            Path file = dir.resolve("model-" + stringIds + ".als");
            AlsModelFiles.write(model, file);
            AlsModel back = AlsModelFiles.read(file);
            assertThat(back.factorsSha256()).isEqualTo(model.factorsSha256());
            assertThat(back.userFactors()).isEqualTo(model.userFactors());
            assertThat(back.itemFactors()).isEqualTo(model.itemFactors());
            assertThat(back.userIndex()).isEqualTo(model.userIndex());
            assertThat(back.itemIndex()).isEqualTo(model.itemIndex());
            assertThat(back.userIndex().isNumeric()).isEqualTo(!stringIds);
            assertThat(back.config()).isEqualTo(model.config());
            assertThat(back.summary()).isEqualTo(model.summary());
            assertThat(back.summary().hasLoss()).isTrue();
            // the same answers
            AlsRecommender a = new AlsRecommender(model, null, 1);
            AlsRecommender b = new AlsRecommender(back, null, 1);
            for (int u = 0; u < model.userCount(); u += 7) {
                assertThat(b.recommend(u, 10, null).items()).isEqualTo(a.recommend(u, 10, null).items());
            }
            // the file is exactly the stream form, and writing is deterministic
            assertThat(Files.readAllBytes(file)).isEqualTo(bytes(model));
            assertThat(bytes(back)).isEqualTo(bytes(model));
        }
        assertThat(AlsModelFiles.read(dir.resolve("model-false.als")).config().solver()).isEqualTo(AlsSolver.CG);
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("m.als");
        Files.writeString(file, "old");
        AlsModelFiles.write(trained(false), file);
        assertThat(AlsModelFiles.read(file).userCount()).isEqualTo(60);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.als");
        }
    }

    @Test
    void badFilesGetMessagesNamingFileAndProblem() throws IOException {
        byte[] good = bytes(trained(true));
        Path corrupt = dir.resolve("corrupt.als");
        byte[] flipped = good.clone();
        flipped[good.length - 100] ^= 0x10; // inside the item factors
        Files.write(corrupt, flipped);
        assertThatThrownBy(() -> AlsModelFiles.read(corrupt)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(corrupt.toString()).hasMessageContaining("checksum mismatch");

        Path truncated = dir.resolve("truncated.als");
        Files.write(truncated, Arrays.copyOf(good, good.length - 40));
        assertThatThrownBy(() -> AlsModelFiles.read(truncated)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(truncated + ": file ends inside item factors");

        Path header = dir.resolve("header.als");
        Files.write(header, Arrays.copyOf(good, 10));
        assertThatThrownBy(() -> AlsModelFiles.read(header)).hasMessageContaining("file ends inside the format version");

        Path other = dir.resolve("other.als");
        Files.writeString(other, "user\titem\tcount\n1\t2\t3\n");
        assertThatThrownBy(() -> AlsModelFiles.read(other)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(other + ": not a recsys ALS model file");

        Path future = dir.resolve("future.als");
        byte[] v2 = good.clone();
        ByteBuffer.wrap(v2).putInt(8, 2);
        Files.write(future, v2);
        assertThatThrownBy(() -> AlsModelFiles.read(future))
                .hasMessageContaining("format version 2, this library reads version 1");

        Path huge = dir.resolve("huge.als");
        byte[] big = good.clone();
        ByteBuffer.wrap(big).putInt(12, 50_000_000); // users
        Files.write(huge, big);
        assertThatThrownBy(() -> AlsModelFiles.read(huge)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("bytes of factors, but the file has " + good.length + " bytes");

        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> AlsModelFiles.read(new ByteArrayInputStream(trailing), "stream"))
                .hasMessageContaining("stream: unexpected bytes after the checksum");

        assertThatThrownBy(() -> AlsModelFiles.read(dir.resolve("missing.als"))).isInstanceOf(NoSuchFileException.class);
    }
}
