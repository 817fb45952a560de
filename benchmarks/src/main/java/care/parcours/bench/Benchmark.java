package care.parcours.bench;

/** One benchmark runnable with {@code ./bench <name>}. */
public interface Benchmark {

	/** The name on the command line, such as {@code booking}. */
	String name();

	/** One line: what it measures and against which baseline. */
	String description();

	void run(BenchContext context) throws Exception;

}
