package care.parcours.system.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alert rules and dashboards of ops/ are checked as Prometheus and Grafana would read
 * them: promtool checks the rules and runs their unit tests (ops/prometheus/tests), and
 * parses every dashboard query; every alert has unit tests that make it fire and that
 * keep it quiet, and a runbook section. Without promtool the checks that need it are
 * skipped, saying so; the others run anyway.
 */
class OperationsRulesTests {

	private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} +(.+?)\\s*$");

	@Test
	void promtoolAcceptsTheAlertRules() {
		assumeTrue(Promtool.available(), Promtool.MISSING);

		Promtool.Result check = Promtool.run(List.of("check", "rules", Operations.RULES.toString()));

		System.out.println(Promtool.version() + ": " + check.output().strip());
		assertThat(check.succeeded()).as(check.output()).isTrue();
	}

	@Test
	void everyAlertPassesItsUnitTests() {
		assumeTrue(Promtool.available(), Promtool.MISSING);
		List<String> arguments = new ArrayList<>(List.of("test", "rules"));
		ruleTestFiles().forEach(file -> arguments.add(file.toString()));

		Promtool.Result test = Promtool.run(arguments);

		System.out.println(test.output().strip());
		assertThat(test.succeeded()).as(test.output()).isTrue();
	}

	@Test
	void everyDashboardAndRuleExpressionParses(@TempDir Path directory) throws IOException {
		assumeTrue(Promtool.available(), Promtool.MISSING);
		List<Operations.Query> queries = Stream
			.concat(Operations.dashboardQueries().stream(), Operations.ruleQueries().stream())
			.toList();
		// promtool parses expressions offline only as rules: each query becomes one.
		List<Map<String, Object>> rules = new ArrayList<>();
		for (int i = 0; i < queries.size(); i++) {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("record", "parcours_check:query_" + i);
			rule.put("expr", queries.get(i).promql());
			rules.add(rule);
		}
		Path file = directory.resolve("queries.yml");
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		Files.writeString(file,
				new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "queries", "rules", rules)))));

		Promtool.Result check = Promtool.run(List.of("check", "rules", file.toString()));

		System.out.printf("%d dashboard and rule queries: %s%n", queries.size(), check.output().strip());
		assertThat(check.succeeded()).as("%s%nqueries, by number: %s", check.output(), numbered(queries)).isTrue();
	}

	@Test
	void everyAlertFiresInAUnitTestAndStaysQuietInAnother() {
		Map<String, Set<String>> outcomes = new HashMap<>();
		for (Path file : ruleTestFiles()) {
			Map<String, Object> tests = new Yaml().load(Operations.read(file));
			for (Map<String, Object> test : list(tests.get("tests"))) {
				for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
					String outcome = list(check.get("exp_alerts")).isEmpty() ? "quiet" : "fires";
					outcomes.computeIfAbsent(String.valueOf(check.get("alertname")), name -> new HashSet<>())
						.add(outcome);
				}
			}
		}

		for (Operations.Rule alert : Operations.alerts()) {
			assertThat(outcomes.getOrDefault(alert.name(), Set.of()))
				.as("unit tests of %s in %s", alert.name(), Operations.RULE_TESTS)
				.containsExactlyInAnyOrder("fires", "quiet");
		}
		assertThat(outcomes.keySet()).as("alerts tested that alerts.yml does not define")
			.isSubsetOf(Operations.alerts().stream().map(Operations.Rule::name).toList());
	}

	@Test
	void everyAlertLinksToItsRunbookSection() {
		Set<String> sections = new TreeSet<>();
		Matcher heading = HEADING.matcher(Operations.read(Operations.RUNBOOK));
		while (heading.find()) {
			sections.add(anchor(heading.group(1)));
		}

		for (Operations.Rule alert : Operations.alerts()) {
			String runbook = alert.annotations().get("runbook_url");
			assertThat(runbook).as("runbook_url of %s", alert.name())
				.isEqualTo("ops/README.md#" + anchor(alert.name()));
			assertThat(sections).as("sections of ops/README.md").contains(anchor(alert.name()));
		}
	}

	@Test
	void everyDashboardIsGrafanaJsonWithItsOwnUidAndPanelsThatQueryPrometheus() {
		List<Path> files = Operations.dashboardFiles();
		assertThat(files).hasSizeGreaterThanOrEqualTo(3);
		Set<String> uids = new HashSet<>();
		for (Path file : files) {
			JsonNode dashboard = Operations.dashboard(file);
			String name = file.getFileName().toString();
			assertThat(uids.add(dashboard.path("uid").asString())).as("uid of %s is its own", name).isTrue();
			assertThat(dashboard.path("title").asString()).as("title of %s", name).isNotBlank();
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : Operations.panels(dashboard)) {
				String title = name + " panel '" + panel.path("title").asString() + "'";
				assertThat(ids.add(panel.path("id").asInt())).as("id of %s is its own", title).isTrue();
				assertThat(panel.path("gridPos").path("w").asInt()).as("width of %s", title).isBetween(1, 24);
				if (!"row".equals(panel.path("type").asString()) && !"text".equals(panel.path("type").asString())) {
					assertThat(panel.path("targets")).as("queries of %s", title).isNotEmpty();
					assertThat(panel.path("description").asString()).as("description of %s", title).isNotBlank();
				}
			}
		}
	}

	@Test
	void theDrillDownIsTemplatedByApplication() {
		JsonNode service = Operations.dashboard(Operations.DASHBOARDS.resolve("parcours-service.json"));
		List<String> variables = new ArrayList<>();
		service.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asString()));
		assertThat(variables).contains("application");

		for (JsonNode panel : Operations.panels(service)) {
			for (JsonNode target : panel.path("targets")) {
				assertThat(target.path("expr").asString()).as("query of panel '%s'", panel.path("title").asString())
					.contains("$application");
			}
		}
	}

	/**
	 * GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes.
	 */
	static String anchor(String heading) {
		return heading.strip().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
	}

	private static List<Path> ruleTestFiles() {
		try (Stream<Path> files = Files.list(Operations.RULE_TESTS)) {
			List<Path> tests = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
			assertThat(tests).as("unit tests in %s", Operations.RULE_TESTS).isNotEmpty();
			return tests;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

	private static String numbered(List<Operations.Query> queries) {
		return java.util.stream.IntStream.range(0, queries.size())
			.mapToObj(i -> "query_" + i + ": " + queries.get(i).where())
			.collect(Collectors.joining("\n"));
	}

}
