package org.yigong.hub.mapping.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yigong.hub.mapping.Translation;

/**
 * Every mapping of hl7-mappings, loaded once when the hub starts: the code tables
 * ({@code tables/<name>.csv}) and the mappings that use them ({@code mappings/<name>/mapping.map}).
 * Loading checks everything a message would otherwise find out later (statements, paths, tables,
 * escape classes) and fails on the first problem with a {@link DefinitionException} naming file
 * and line, so a broken mapping stops the start instead of the traffic.
 *
 * <p>The catalogue and its translations are immutable and safe to share between threads. Loading
 * does not depend on the thread's context classloader.
 */
public final class TranslationCatalogue {

    static final String MAPPINGS = "mappings/";
    static final String MAPPING_FILE = "/mapping.map";
    static final String TABLES = "tables/";
    static final String TABLE_ENDING = ".csv";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, CodeTable> tables;
    private final Map<String, Translation> translations;

    private TranslationCatalogue(Map<String, CodeTable> tables, Map<String, Translation> translations) {
        this.tables = Collections.unmodifiableMap(tables);
        this.translations = Collections.unmodifiableMap(translations);
    }

    /**
     * Reads every code table, then every mapping.
     *
     * @throws DefinitionException on the first file that is wrong
     */
    public static TranslationCatalogue load(MappingResources resources) {
        CanonicalModel model = new CanonicalModel();
        Map<String, CodeTable> tables = new TreeMap<>();
        for (String path : resources.list(TABLES, TABLE_ENDING)) {
            String name = name(path, TABLES, TABLE_ENDING);
            tables.put(name, CodeTable.parse(name, path, resources.read(path)));
        }
        SegmentDefinitions segments = new SegmentDefinitions(model);
        Map<String, Translation> translations = new LinkedHashMap<>();
        for (String path : resources.list(MAPPINGS, MAPPING_FILE)) {
            String name = name(path, MAPPINGS, MAPPING_FILE);
            MappingParser parser = new MappingParser(path, tables, segments);
            translations.put(name, new Mapping(name, path, parser.parse(resources.read(path)), model));
        }
        return new TranslationCatalogue(tables, translations);
    }

    /**
     * The translation of {@code mappings/<name>/mapping.map}.
     *
     * @throws NoSuchElementException when there is no such mapping (the message lists those there are)
     */
    public Translation translation(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no mapping '" + name + "' (mappings: "
                + String.join(", ", translations.keySet()) + ")"));
    }

    public Optional<Translation> find(String name) {
        return Optional.ofNullable(translations.get(name));
    }

    /** The mappings' names, sorted. */
    public Set<String> names() {
        return translations.keySet();
    }

    /** A code table by its name, for tools that show or check tables. */
    public Optional<CodeTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    private static String name(String path, String folder, String ending) {
        String name = path.substring(folder.length(), path.length() - ending.length());
        if (!NAME.matcher(name).matches()) {
            throw new DefinitionException(path, 0, "'" + name + "' is not a name for a mapping or code table: lower-case letters,"
                    + " digits and '-', directly in " + folder);
        }
        return name;
    }
}
