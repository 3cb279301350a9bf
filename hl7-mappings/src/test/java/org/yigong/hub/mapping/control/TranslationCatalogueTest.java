package org.yigong.hub.mapping.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.yigong.hub.mapping.Translation;
import org.yigong.hub.mapping.TranslationFailed;

class TranslationCatalogueTest {

    private static final String ORDER = TestMapping.hl7(
            "MSH|^~\\&|TWN_HIS|TWN_KHZ|CNTY_RIS|CNTY_GH|20261020084500||ORM^O01^ORM_O01|KHZ20261020000102|P|2.4",
            "PID|1||KHZ0012345^^^TWN_KHZ^MR||王^雪梅||19690315|F",
            "ORC|NW|KHZ-RIS-000781^TWN_HIS",
            "OBR|1|KHZ-RIS-000781^TWN_HIS||CT0012^胸部CT平扫^TWN_LOCAL");
    private static final String IMAGING = "township-imaging-order-to-county-ris";

    private static final TranslationCatalogue CATALOGUE =
            TranslationCatalogue.load(new MappingResources(TranslationCatalogueTest.class.getClassLoader()));

    @Test
    void theHubsMappingsAndTablesAreLoadedFromTheIndex() {
        assertThat(CATALOGUE.names()).containsExactlyInAnyOrder(
                "township-imaging-order-to-county-ris", "township-ecg-order-to-county-ecg", "township-lab-order-to-county-lis",
                "county-result-to-township", "township-adt-to-county-his", "township-charges-to-insurance");
        assertThat(CATALOGUE.table("township-exam-codes")).hasValueSatisfying(table -> {
            assertThat(table.size()).isGreaterThan(30);
            assertThat(table.row("CT0012")).map(CodeTable.Row::to).contains("CT-CHEST-PLAIN");
        });
        assertThat(CATALOGUE.translation(IMAGING).name()).isEqualTo(IMAGING);
    }

    @Test
    void anUnknownMappingNameListsTheKnownOnes() {
        assertThatThrownBy(() -> CATALOGUE.translation("township-imaging-order"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageStartingWith("no mapping 'township-imaging-order' (mappings: ")
                .hasMessageContaining(IMAGING);
        assertThat(CATALOGUE.find("township-imaging-order")).isEmpty();
    }

    @Test
    void applyReturnsATranslatedCopyAndLeavesTheStoredMessageAsItWas() throws Exception {
        Message received = new CanonicalModel().parser().parse(ORDER);

        Message translated = CATALOGUE.translation(IMAGING).apply(received);

        assertThat(translated).isNotSameAs(received);
        assertThat(new PipeParser().encode(received)).isEqualTo(ORDER);
        assertThat(new PipeParser().encode(translated)).contains("|CNTY_RIS|CNTY_GH|", "|P|2.5.1|",
                "|CT-CHEST-PLAIN^胸部CT平扫^CNTY_RIS^CT0012^胸部CT平扫^TWN_LOCAL");
    }

    @Test
    void textThatIsNotHl7FailsWithTheMappingButWithoutTheText() {
        assertThatThrownBy(() -> CATALOGUE.translation(IMAGING).translate("PID|1||KHZ0012345||王^雪梅\r"))
                .isInstanceOf(TranslationFailed.class)
                .hasMessageStartingWith("mappings/" + IMAGING + "/mapping.map: the message cannot be parsed: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("王", "KHZ0012345"));
    }

    @Test
    void aBrokenMappingStopsLoadingWithFileAndLine() {
        MappingResources resources = resources(Map.of(
                "tables/exam-codes.csv", "from,to\nCT0012,CT-CHEST-PLAIN\n",
                "mappings/township-x/mapping.map", "# township X\nlookup OBR-4 in exam-codes\nlookup OBR-4 in exam-code\n"));

        assertThatThrownBy(() -> TranslationCatalogue.load(resources))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("mappings/township-x/mapping.map:3: unknown code table 'exam-code'");
    }

    @Test
    void aBrokenTableStopsLoadingBeforeAnyMapping() {
        MappingResources resources = resources(Map.of("tables/exam-codes.csv", "from,to\nCT0012\n"));

        assertThatThrownBy(() -> TranslationCatalogue.load(resources))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("tables/exam-codes.csv:2: expected 2 values");
    }

    @Test
    void namesAreLowerCaseWordsDirectlyInTheirFolder() {
        MappingResources resources = resources(Map.of("mappings/Township_X/mapping.map", "version 2.5.1\n"));

        assertThatThrownBy(() -> TranslationCatalogue.load(resources))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("mappings/Township_X/mapping.map: 'Township_X' is not a name for a mapping or code table");
    }

    /**
     * WildFly's managed threads have no context classloader, and HAPI's model class factory needs
     * one when its class is first initialised. A classloader of its own gives this test a HAPI that
     * nobody has initialised yet, as in a freshly deployed hub.
     */
    @Test
    void loadsAndTranslatesOnAThreadWithoutContextClassLoaderInAFreshDeployment() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        try (URLClassLoader deployment = new URLClassLoader(classpath(), ClassLoader.getPlatformClassLoader())) {
            Thread managed = new Thread(() -> result.set(translateIn(deployment)));
            managed.setContextClassLoader(null);
            managed.start();
            managed.join();
        }
        assertThat(result.get()).isInstanceOf(String.class);
        assertThat((String) result.get()).contains("|CNTY_RIS|CNTY_GH|", "CT-CHEST-PLAIN");
    }

    private static Object translateIn(ClassLoader deployment) {
        try {
            Class<?> resources = deployment.loadClass(MappingResources.class.getName());
            Class<?> catalogue = deployment.loadClass(TranslationCatalogue.class.getName());
            Object loaded = catalogue.getMethod("load", resources)
                    .invoke(null, resources.getConstructor(ClassLoader.class).newInstance(deployment));
            Object translation = catalogue.getMethod("translation", String.class).invoke(loaded, IMAGING);
            return deployment.loadClass(Translation.class.getName()).getMethod("translate", String.class).invoke(translation, ORDER);
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return e;
        }
    }

    private static URL[] classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(path -> {
            try {
                return new File(path).toURI().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
    }

    /** Resources as a classloader with only these files (and their index) would give them. */
    private static MappingResources resources(Map<String, String> files) {
        String index = String.join("\n", files.keySet());
        return new MappingResources(new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String content = name.equals(MappingResources.INDEX) ? index : files.get(name);
                return content == null ? null : new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
