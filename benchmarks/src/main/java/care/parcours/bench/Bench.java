package care.parcours.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bench <name> [--option=value ...]}: runs one benchmark and prints its figures.
 */
public final class Bench {

	/** Every benchmark; add new ones here. */
	static final List<Benchmark> ALL = List.of(new BookingBenchmark(), new SlotSearchBenchmark(),
			new PartnerSearchBenchmark(), new WebhookFanOutBenchmark(), new GatewayOverheadBenchmark(),
			new PatientReadBenchmark(), new PathwaysBenchmark(), new InvoicesBenchmark(), new FaultsBenchmark());

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
			usage();
			return;
		}
		Benchmark benchmark = ALL.stream()
			.filter(b -> b.name().equals(args[0]))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No benchmark '" + args[0] + "'; ./bench help lists them"));
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length == 2 ? kv[1] : "true");
		}
		Path root = Path.of(System.getProperty("parcours.repository.root", ".")).toAbsolutePath().normalize();
		try (BenchContext context = new BenchContext(root, options)) {
			benchmark.run(context);
		}
	}

	private static void usage() {
		System.out.println("./bench <name> [--option=value ...]");
		ALL.forEach(b -> System.out.printf("  %-16s %s%n", b.name(), b.description()));
	}

}
