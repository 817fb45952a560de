package care.parcours.system.ops;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found without a full parser: what is left
 * once strings, label matchers, ranges, grouping clauses and offsets are taken out, minus
 * the functions (a name followed by a parenthesis) and the keywords. promtool checks that
 * each expression parses (see {@link Promtool}); this only has to find the names in one
 * that does.
 */
public final class PromQl {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^{}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");

	private static final Pattern OFFSET = Pattern
		.compile("\\boffset\\s+-?[0-9a-z]+|@\\s*(?:start\\(\\)|end\\(\\)|[0-9.]+)");

	/** A number (with its exponent, so that 1e3 is no name), a name, or anything else. */
	private static final Pattern TOKEN = Pattern
		.compile("(?<number>(?:0x[0-9a-fA-F]+|[0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?))"
				+ "|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\\s*\\()?|.", Pattern.DOTALL);

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

	/** Grafana's interval variables, replaced by a range Prometheus accepts. */
	private static final Pattern GRAFANA_INTERVAL = Pattern
		.compile("\\$__rate_interval|\\$__interval|\\$__range|\\$\\{__rate_interval}|\\$\\{__interval}");

	private PromQl() {
	}

	/** The metric names the expression selects, in order of appearance. */
	public static Set<String> metricNames(String expression) {
		String rest = STRING.matcher(expression).replaceAll(" ");
		rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
		rest = removeAll(RANGE, rest);
		rest = GROUPING.matcher(rest).replaceAll(" ");
		rest = OFFSET.matcher(rest).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher token = TOKEN.matcher(rest);
		while (token.find()) {
			String name = token.group("name");
			if (name != null && token.group("call") == null && !KEYWORDS.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * A dashboard's expression as Prometheus would receive it from Grafana: its interval
	 * variables replaced. Other variables stand in label values, inside strings, and
	 * parse as they are.
	 */
	public static String fromGrafana(String expression) {
		return GRAFANA_INTERVAL.matcher(expression).replaceAll("5m");
	}

	/** Subqueries nest ranges: take the innermost out until none is left. */
	private static String removeAll(Pattern pattern, String text) {
		String before;
		String after = text;
		do {
			before = after;
			after = pattern.matcher(before).replaceAll(" ");
		}
		while (!after.equals(before));
		return after;
	}

}
