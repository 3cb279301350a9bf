package org.yigong.hub.mapping.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yigong.hub.mapping.Translation;
import org.yigong.hub.mapping.TranslationFailed;

/**
 * Every golden example of every mapping: {@code examples/<case>/in.hl7} translated by the mapping
 * named by the folder must give {@code expected.hl7} exactly, or fail with a message containing
 * each line of {@code expected-error.txt}. A new township or code is a new folder here, never new
 * Java.
 *
 * <p>The examples live in {@code src/test/resources/mappings/<name>/examples/}, beside (not inside)
 * {@code src/main/resources/mappings/<name>/}: they are test data, and the runtime jar that every
 * hub node deploys must not carry messages with patient names, least of all the real ones hospital
 * IT will copy from traffic when a translation goes wrong. They are read from disk, byte-exact, in
 * UTF-8; the mappings are loaded as the hub loads them, through the build's index.
 */
class GoldenExamplesTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/mappings");
    private static final TranslationCatalogue CATALOGUE =
            TranslationCatalogue.load(new MappingResources(GoldenExamplesTest.class.getClassLoader()));

    static Stream<Arguments> examples() {
        List<Path> folders = exampleFolders();
        if (folders.isEmpty()) {
            throw new AssertionError("no golden examples under " + EXAMPLES.toAbsolutePath());
        }
        return folders.stream().map(folder -> Arguments.of(mappingOf(folder), folder.getFileName().toString(), folder));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void translatesAsTheExampleShows(String mapping, String example, Path folder) throws IOException {
        Translation translation = CATALOGUE.translation(mapping);
        String in = read(folder.resolve("in.hl7"));
        Path expected = folder.resolve("expected.hl7");
        Path expectedError = folder.resolve("expected-error.txt");
        assertThat(Files.exists(expected) ^ Files.exists(expectedError))
                .as(folder + " needs expected.hl7 or expected-error.txt, not both").isTrue();
        if (Files.exists(expected)) {
            assertThat(normalized(translate(translation, in))).isEqualTo(normalized(read(expected)));
        } else {
            List<String> parts = read(expectedError).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            assertThat(parts).as(expectedError + " is empty").isNotEmpty();
            assertThatThrownBy(() -> translation.translate(in)).isInstanceOf(TranslationFailed.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains(parts));
        }
    }

    @Test
    void everyMappingHasAtLeastOneExample() {
        Set<String> withExamples = new TreeSet<>(exampleFolders().stream().map(GoldenExamplesTest::mappingOf).toList());
        assertThat(CATALOGUE.names()).isNotEmpty();
        assertThat(withExamples).as("mappings with examples").containsAll(CATALOGUE.names());
    }

    @Test
    void everyExampleBelongsToAMapping() {
        assertThat(exampleFolders()).allSatisfy(folder -> assertThat(CATALOGUE.names()).contains(mappingOf(folder)));
    }

    private static String translate(Translation translation, String in) {
        try {
            return translation.translate(in);
        } catch (TranslationFailed e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Segments separated by \r, whatever an editor did to the file, and no \r at the end. */
    private static String normalized(String hl7) {
        String text = hl7.replace("\r\n", "\r").replace('\n', '\r');
        while (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static List<Path> exampleFolders() {
        try (Stream<Path> mappings = Files.list(EXAMPLES)) {
            return mappings.filter(Files::isDirectory).map(mapping -> mapping.resolve("examples")).filter(Files::isDirectory)
                    .flatMap(GoldenExamplesTest::folders).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> folders(Path examples) {
        try (Stream<Path> cases = Files.list(examples)) {
            return cases.filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mappingOf(Path exampleFolder) {
        return exampleFolder.getParent().getParent().getFileName().toString();
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
