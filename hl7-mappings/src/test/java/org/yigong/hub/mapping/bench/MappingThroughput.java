package org.yigong.hub.mapping.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yigong.hub.mapping.Translation;
import org.yigong.hub.mapping.control.MappingResources;
import org.yigong.hub.mapping.control.TranslationCatalogue;

/**
 * How many messages one thread parses, translates and encodes per second, over the golden
 * examples of every mapping (the sample traffic). Run by bench/mapping.sh; prints its figures.
 */
public final class MappingThroughput {

    private record Job(Translation translation, String message) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        TranslationCatalogue catalogue = TranslationCatalogue.load(new MappingResources(MappingThroughput.class.getClassLoader()));
        List<Job> jobs = new ArrayList<>();
        Path mappings = Path.of("src/test/resources/mappings");
        for (String name : catalogue.names()) {
            try (var examples = Files.list(mappings.resolve(name).resolve("examples"))) {
                for (Path example : examples.toList()) {
                    if (Files.exists(example.resolve("expected.hl7"))) {
                        jobs.add(new Job(catalogue.translation(name), Files.readString(example.resolve("in.hl7"), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        System.out.printf("%d mappings, %d example messages, one thread%n", catalogue.names().size(), jobs.size());
        run(jobs, 3, "warm-up");
        run(jobs, seconds, "measured");
    }

    private static void run(List<Job> jobs, int seconds, String label) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long bytes = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            for (Job job : jobs) {
                bytes += job.translation().translate(job.message()).length();
                count++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-9s %,10.0f msg/s parse + map + encode (%d messages in %.1f s, %.1f µs each)%n",
                label, count / elapsed, count, elapsed, elapsed * 1e6 / count);
        if (bytes == 0) {
            throw new IllegalStateException("nothing translated");
        }
    }
}
