package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.function.Supplier;

/**
 * HAPI configured as the hub reads messages: every version into the 2.5.1 structures, no
 * validation (a translation rewrites what the inbound side already accepted), no empty segments
 * invented when encoding, and no {@code id_file} written into the server's working directory.
 *
 * <p>The context is configuration only and is shared; {@link #parser()} gives each thread its own
 * parser, because a {@link PipeParser} caches structure definitions in an unsynchronised map, and
 * keeps it, because filling that cache again for every message cost most of a translation.
 */
final class CanonicalModel {

    static final String VERSION = "2.5.1";

    private final HapiContext context;
    private final Er7NormalForm text;
    private final ThreadLocal<PipeParser> parsers = ThreadLocal.withInitial(() -> new PipeParser(context()));

    private HapiContext context() {
        return context;
    }

    CanonicalModel() {
        context = withOwnClassLoader(() -> {
            HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory(VERSION));
            hapi.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
            // HAPI writes an empty segment ("PID|") for a group's required first segment when the
            // message lacks it, which would put a segment the sender never sent (or a mapping
            // dropped) into the destination's message
            hapi.getParserConfiguration().setEncodeEmptyMandatoryFirstSegments(false);
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            return hapi;
        });
        text = new Er7NormalForm(context.getParserConfiguration().getEscaping(), new FieldTypes(context.getModelClassFactory()));
    }

    /** This thread's parser, never shared with another thread. */
    PipeParser parser() {
        return parsers.get();
    }

    /** How HAPI writes the text of what it read, for translations on text; shared by all threads. */
    Er7NormalForm text() {
        return text;
    }

    ModelClassFactory classes() {
        return context.getModelClassFactory();
    }

    /**
     * HAPI's model class factory reads its package list through the thread's context classloader
     * when its class is initialised, and fails without one; WildFly's managed threads have none.
     * Every later lookup falls back to HAPI's own classloader, so only the first use needs this.
     */
    static <T> T withOwnClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous != null) {
            return work.get();
        }
        thread.setContextClassLoader(CanonicalModel.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(null);
        }
    }
}
