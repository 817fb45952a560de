package care.parcours.system.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations configuration under ops/ as data: the alert and recording rules of
 * ops/prometheus, the Grafana dashboards of ops/grafana/dashboards, and every PromQL
 * expression they hold.
 */
public final class Operations {

	public static final Path ROOT = Path.of(System.getProperty("parcours.repository.root", ".."))
		.toAbsolutePath()
		.normalize();

	public static final Path RULES = ROOT.resolve("ops/prometheus/alerts.yml");

	public static final Path RULE_TESTS = ROOT.resolve("ops/prometheus/tests");

	public static final Path DASHBOARDS = ROOT.resolve("ops/grafana/dashboards");

	public static final Path RUNBOOK = ROOT.resolve("ops/README.md");

	/**
	 * Made by Prometheus, not by a service: {@code up} for each target it scrapes (the
	 * metric existence test checks instead that every target answers a scrape) and
	 * {@code ALERTS} for each alert of its rules that is pending or firing.
	 */
	public static final Set<String> FROM_PROMETHEUS = Set.of("up", "ALERTS");

	/**
	 * Exported only in a configuration the platform of the system tests does not run, and
	 * proven exported by the test named.
	 */
	public static final Map<String, String> PROVEN_ELSEWHERE = provenElsewhere();

	private static Map<String, String> provenElsewhere() {
		Map<String, String> proven = new TreeMap<>();
		proven.put("ssl_chain_expiry_seconds",
				"gateway's TlsCertificateExpiryIT: exported once the gateway has a TLS certificate (an SSL bundle)");
		// A gauge of the network indicators has a series only once its fact exists this
		// month; patient-service's NetworkIndicatorsIT scripts every fact and checks each
		// name the network dashboard reads.
		for (String indicator : List.of("first_quote_median_hours", "first_appointment_median_hours", "quotes_sent",
				"quote_acceptance_ratio", "appointments_completed", "appointments_no_show", "no_show_ratio",
				"appointments_cancelled", "appointments_rescheduled", "revenue", "outstanding_balance", "pathways_open",
				"pathways_overdue")) {
			proven.put("parcours_indicator_" + indicator,
					"patient-service's NetworkIndicatorsIT: a month with every fact");
		}
		return Map.copyOf(proven);
	}

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_]+\\s*\\)\\s*$",
			Pattern.DOTALL);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Operations() {
	}

	/**
	 * An expression and where it was found.
	 *
	 * @param where the file and the rule, panel or variable
	 * @param promql as Prometheus receives it
	 */
	public record Query(String where, String promql) {

		public Set<String> metricNames() {
			return PromQl.metricNames(promql);
		}

	}

	/** One rule of alerts.yml. */
	public record Rule(String group, Map<String, Object> definition) {

		public boolean isAlert() {
			return definition.containsKey("alert");
		}

		public String name() {
			return String.valueOf(definition.getOrDefault("alert", definition.get("record")));
		}

		public String expr() {
			return String.valueOf(definition.get("expr"));
		}

		@SuppressWarnings("unchecked")
		public Map<String, String> annotations() {
			Object annotations = definition.get("annotations");
			return annotations == null ? Map.of() : (Map<String, String>) annotations;
		}

	}

	@SuppressWarnings("unchecked")
	public static List<Rule> rules() {
		Map<String, Object> file = new Yaml().load(read(RULES));
		List<Rule> rules = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				rules.add(new Rule(String.valueOf(group.get("name")), rule));
			}
		}
		return rules;
	}

	public static List<Rule> alerts() {
		return rules().stream().filter(Rule::isAlert).toList();
	}

	/** The names recording rules give their series: no service exports them. */
	public static Set<String> recorded() {
		Set<String> names = new TreeSet<>();
		rules().stream().filter(rule -> !rule.isAlert()).forEach(rule -> names.add(rule.name()));
		return names;
	}

	public static List<Query> ruleQueries() {
		return rules().stream().map(rule -> new Query("alerts.yml " + rule.name(), rule.expr())).toList();
	}

	public static List<Path> dashboardFiles() {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode dashboard(Path file) {
		return JSON.readTree(read(file));
	}

	/**
	 * Every query of every dashboard: the panels' targets, in rows or not, and the
	 * variables' queries ({@code label_values(selector, label)} read as its selector).
	 */
	public static List<Query> dashboardQueries() {
		List<Query> queries = new ArrayList<>();
		for (Path file : dashboardFiles()) {
			JsonNode dashboard = dashboard(file);
			String name = file.getFileName().toString();
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					String expr = target.path("expr").asString("");
					if (!expr.isBlank()) {
						queries.add(new Query(name + " panel '" + panel.path("title").asString() + "' "
								+ target.path("refId").asString(), PromQl.fromGrafana(expr)));
					}
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if ("query".equals(variable.path("type").asString())) {
					String query = variable.path("query").isObject() ? variable.path("query").path("query").asString()
							: variable.path("query").asString();
					Matcher labelValues = LABEL_VALUES.matcher(query);
					if (labelValues.matches()) {
						queries.add(new Query(name + " variable " + variable.path("name").asString(),
								PromQl.fromGrafana(labelValues.group(1))));
					}
				}
			}
		}
		return queries;
	}

	/** The panels of a dashboard, those inside collapsed rows included. */
	public static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			panel.path("panels").forEach(panels::add);
		}
		return panels;
	}

	/** Every metric name a dashboard or rule reads, with where it is read. */
	public static Map<String, List<String>> metricNamesUsed() {
		Map<String, List<String>> used = new LinkedHashMap<>();
		Stream.concat(ruleQueries().stream(), dashboardQueries().stream())
			.forEach(query -> query.metricNames()
				.forEach(name -> used.computeIfAbsent(name, key -> new ArrayList<>()).add(query.where())));
		return used;
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
