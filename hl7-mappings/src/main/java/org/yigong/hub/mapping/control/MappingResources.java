package org.yigong.hub.mapping.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files of hl7-mappings, found through the index its build writes
 * ({@code META-INF/hl7-mappings.index}, one path per line): classpath folders cannot be listed
 * reliably inside an EAR, and an index also means a file is used because the build saw it.
 */
public final class MappingResources {

    static final String INDEX = "META-INF/hl7-mappings.index";

    private final ClassLoader classLoader;
    private final List<String> paths;

    public MappingResources(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.paths = read(INDEX).lines().map(String::trim).filter(line -> !line.isEmpty()).sorted().toList();
    }

    /** Paths under a folder with a given ending, e.g. {@code list("channels/", ".channel")}. */
    public List<String> list(String folder, String ending) {
        return paths.stream().filter(path -> path.startsWith(folder) && path.endsWith(ending)).toList();
    }

    /** A file's text, UTF-8. */
    public String read(String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new DefinitionException(path, 0, "listed in " + INDEX + " but not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
