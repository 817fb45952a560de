package care.parcours.system.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay of {@code deploy/kubernetes} with {@code kubectl kustomize}, as a
 * cluster would receive it, and checks what an operator relies on: probes, resources,
 * graceful termination, pinned images, scrape annotations, a disruption budget and an
 * autoscaler per application, secrets referenced and never inlined, no database or
 * broker, and only the gateway reaching the services.
 */
class KubernetesManifestsTests {

	private static final Path ROOT = Path.of(System.getProperty("parcours.repository.root", ".."))
		.toAbsolutePath()
		.normalize();

	private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");

	private static final Set<String> APPLICATIONS = Set.of("gateway", "authorization-server", "patient-service",
			"scheduling-service", "billing-service", "partner-service");

	/** Names of settings that hold a credential or a key: never a literal value. */
	private static final Pattern SENSITIVE = Pattern.compile(".*(PASSWORD|SECRET|KEY|KEYSET|TOKEN|CREDENTIAL).*");

	/** A Secret named in the README's table: {@code | `parcours-...` |}. */
	private static final Pattern DOCUMENTED_SECRET = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE);

	@BeforeAll
	static void kubectlIsHere() {
		boolean present = Stream.of(System.getenv("PATH").split(":"))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
		if (!present) {
			System.err.println("KubernetesManifestsTests SKIPPED: no kubectl on the PATH (.ci/run installs it from "
					+ "Debian's package kubectl)");
		}
		Assumptions.assumeTrue(present, "kubectl is not installed: the manifests are not rendered");
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyDeploymentIsProbedSizedPinnedScrapedBudgetedAndScaled(String overlay) {
		assertThat(deploymentProblems(render(overlay))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void secretsAreReferencedByNameNeverInlinedAndAllDocumented(String overlay) {
		List<Map<String, Object>> objects = render(overlay);

		assertThat(objects).as("Secrets in the render").noneMatch(object -> "Secret".equals(object.get("kind")));
		assertThat(inlineCredentials(objects)).as("settings with a credential's name and a literal value").isEmpty();
		Set<String> documented = documentedSecrets();
		assertThat(documented).as("secrets documented in deploy/kubernetes/README.md").isNotEmpty();
		assertThat(documented).as("referenced secrets must be documented").containsAll(referencedSecrets(objects));
	}

	@Test
	void everyDocumentedSecretIsUsedInProduction() {
		assertThat(referencedSecrets(render("production"))).containsExactlyInAnyOrderElementsOf(documentedSecrets());
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyApplicationIsDeployedAndNoDatabaseOrBrokerIs(String overlay) {
		List<Map<String, Object>> objects = render(overlay);

		assertThat(objects.stream().filter(o -> "Deployment".equals(o.get("kind"))).map(KubernetesManifestsTests::name))
			.containsExactlyInAnyOrderElementsOf(APPLICATIONS);
		assertThat(objects).as("no stateful workload: PostgreSQL, Kafka and Redis are external")
			.noneMatch(o -> "StatefulSet".equals(o.get("kind")));
		assertThat(images(objects)).as("images").noneMatch(image -> image.matches(".*(postgres|kafka|redis).*"));
		Set<String> configMaps = new TreeSet<>();
		objects.stream().filter(o -> "ConfigMap".equals(o.get("kind"))).forEach(o -> configMaps.add(name(o)));
		assertThat(configMaps).as("ConfigMaps every configMapKeyRef names").containsAll(referencedConfigMaps(objects));
	}

	@Test
	void productionRunsTwoInstancesOfEachAtLeastAndKeepsOneThroughDisruptions() {
		List<Map<String, Object>> objects = render("production");
		for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
			assertThat((Integer) map(deployment, "spec").get("replicas")).as("replicas of %s", name(deployment))
				.isGreaterThanOrEqualTo(2);
		}
		for (Map<String, Object> hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
			assertThat((Integer) map(hpa, "spec").get("minReplicas")).as("minReplicas of %s", name(hpa))
				.isGreaterThanOrEqualTo(2);
		}
		for (Map<String, Object> pdb : ofKind(objects, "PodDisruptionBudget")) {
			assertThat(map(pdb, "spec").get("minAvailable")).as("minAvailable of %s", name(pdb)).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void onlyTheGatewayReachesTheServices(String overlay) {
		List<Map<String, Object>> policies = ofKind(render(overlay), "NetworkPolicy");

		assertThat(policies).as("a policy that denies every ingress not allowed elsewhere").anyMatch(policy -> {
			Map<String, Object> spec = map(policy, "spec");
			return map(spec, "podSelector").isEmpty() && list(spec, "policyTypes").contains("Ingress")
					&& !spec.containsKey("ingress");
		});
		for (Map<String, Object> policy : policies) {
			Map<String, Object> spec = map(policy, "spec");
			Map<String, Object> selects = map(map(spec, "podSelector"), "matchLabels");
			if (!"service".equals(selects.get("app.kubernetes.io/component"))) {
				continue;
			}
			for (Object rule : list(spec, "ingress")) {
				for (Object peer : list(asMap(rule), "from")) {
					Map<String, Object> from = asMap(peer);
					assertThat(map(map(from, "podSelector"), "matchLabels"))
						.as("who %s lets reach the services", name(policy))
						.containsEntry("app.kubernetes.io/name", "gateway");
					assertThat(from).as("no namespace-wide peer in %s", name(policy))
						.doesNotContainKey("namespaceSelector");
				}
			}
		}
	}

	@Test
	void aDeploymentWithoutItsProbesLimitsOrBudgetIsCaught() {
		List<Map<String, Object>> objects = render("production");
		Map<String, Object> billing = ofKind(objects, "Deployment").stream()
			.filter(d -> name(d).equals("billing-service"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> container = asMap(
				list(map(map(map(billing, "spec"), "template"), "spec"), "containers").get(0));
		container.remove("readinessProbe");
		map(container, "resources").remove("limits");
		container.put("image", "registry.example.org/parcours/billing-service:latest");
		objects.removeIf(o -> "PodDisruptionBudget".equals(o.get("kind")) && name(o).equals("billing-service"));

		assertThat(deploymentProblems(objects)).containsExactlyInAnyOrder("billing-service: no readinessProbe",
				"billing-service: no limits", "billing-service: image not pinned",
				"billing-service: no PodDisruptionBudget");
	}

	// ---------------------------------------------------------------------------------------------

	private static List<String> deploymentProblems(List<Map<String, Object>> objects) {
		List<String> problems = new ArrayList<>();
		List<Map<String, Object>> budgets = ofKind(objects, "PodDisruptionBudget");
		List<Map<String, Object>> autoscalers = ofKind(objects, "HorizontalPodAutoscaler");
		for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
			String name = name(deployment);
			Map<String, Object> template = map(map(deployment, "spec"), "template");
			Map<String, Object> labels = map(map(template, "metadata"), "labels");
			Map<String, Object> pod = map(template, "spec");
			Map<String, Object> container = asMap(list(pod, "containers").get(0));
			Set<Object> ports = new HashSet<>();
			for (Object port : list(container, "ports")) {
				ports.add(asMap(port).get("name"));
				ports.add(asMap(port).get("containerPort"));
			}
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				Map<String, Object> check = map(container, probe);
				if (check.isEmpty()) {
					problems.add(name + ": no " + probe);
				}
				else if (!ports.contains(map(check, "httpGet").get("port"))) {
					problems.add(name + ": " + probe + " on an undeclared port");
				}
			}
			Map<String, Object> resources = map(container, "resources");
			for (String bound : List.of("requests", "limits")) {
				Map<String, Object> values = map(resources, bound);
				if (!values.containsKey("cpu") || !values.containsKey("memory")) {
					problems.add(name + ": no " + bound);
				}
			}
			Object sleep = map(map(map(container, "lifecycle"), "preStop"), "sleep").get("seconds");
			Object grace = pod.get("terminationGracePeriodSeconds");
			if (!(sleep instanceof Integer pause) || !(grace instanceof Integer period) || period < pause + 30) {
				problems.add(name + ": no preStop pause within a grace period that leaves 30 s to shut down");
			}
			String image = String.valueOf(container.get("image"));
			if (!image.contains("@sha256:") && !image.matches(".*:[0-9]+\\.[0-9]+\\.[0-9]+[^/]*")) {
				problems.add(name + ": image not pinned");
			}
			Map<String, Object> annotations = map(map(template, "metadata"), "annotations");
			if (!"true".equals(annotations.get("prometheus.io/scrape"))
					|| !ports.contains(Integer.valueOf(String.valueOf(annotations.get("prometheus.io/port"))))) {
				problems.add(name + ": not scraped on a declared port");
			}
			if (budgets.stream().noneMatch(pdb -> selects(map(map(pdb, "spec"), "selector"), labels))) {
				problems.add(name + ": no PodDisruptionBudget");
			}
			if (autoscalers.stream()
				.noneMatch(hpa -> name.equals(map(map(hpa, "spec"), "scaleTargetRef").get("name")))) {
				problems.add(name + ": no HorizontalPodAutoscaler");
			}
		}
		return problems;
	}

	private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		Map<String, Object> wanted = map(selector, "matchLabels");
		return !wanted.isEmpty() && labels.entrySet().containsAll(wanted.entrySet());
	}

	private static List<String> inlineCredentials(List<Map<String, Object>> objects) {
		List<String> inline = new ArrayList<>();
		for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
			for (Object container : list(map(map(map(deployment, "spec"), "template"), "spec"), "containers")) {
				for (Object variable : list(asMap(container), "env")) {
					Map<String, Object> env = asMap(variable);
					String envName = String.valueOf(env.get("name"));
					if (SENSITIVE.matcher(envName).matches() && env.containsKey("value")) {
						inline.add(name(deployment) + " " + envName);
					}
				}
			}
		}
		return inline;
	}

	/** Every Secret name the objects point at: env, envFrom, volumes, Ingress TLS. */
	private static Set<String> referencedSecrets(List<Map<String, Object>> objects) {
		Set<String> names = new TreeSet<>();
		collect(objects, names, "secretKeyRef", "name");
		collect(objects, names, "secretRef", "name");
		collect(objects, names, "secret", "secretName");
		for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
			list(map(ingress, "spec"), "tls").forEach(tls -> names.add(String.valueOf(asMap(tls).get("secretName"))));
		}
		return names;
	}

	private static Set<String> referencedConfigMaps(List<Map<String, Object>> objects) {
		Set<String> names = new TreeSet<>();
		collect(objects, names, "configMapKeyRef", "name");
		collect(objects, names, "configMapRef", "name");
		return names;
	}

	/** Walks every object for {@code key: {field: value}} and adds each value. */
	private static void collect(Object node, Set<String> into, String key, String field) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> {
				if (key.equals(k) && v instanceof Map<?, ?> ref && ref.get(field) != null) {
					into.add(String.valueOf(ref.get(field)));
				}
				collect(v, into, key, field);
			});
		}
		else if (node instanceof List<?> items) {
			items.forEach(item -> collect(item, into, key, field));
		}
	}

	private static Set<String> documentedSecrets() {
		try {
			String readme = Files.readString(KUBERNETES.resolve("README.md"));
			Set<String> names = new TreeSet<>();
			Matcher matcher = DOCUMENTED_SECRET.matcher(readme);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> images(List<Map<String, Object>> objects) {
		List<String> images = new ArrayList<>();
		for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
			list(map(map(map(deployment, "spec"), "template"), "spec"), "containers")
				.forEach(container -> images.add(String.valueOf(asMap(container).get("image"))));
		}
		return images;
	}

	/** The overlay as {@code kubectl kustomize} renders it, one map per object. */
	private static List<Map<String, Object>> render(String overlay) {
		try {
			Process kubectl = new ProcessBuilder("kubectl", "kustomize",
					KUBERNETES.resolve("overlays/" + overlay).toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
			assertThat(kubectl.exitValue()).as("kubectl kustomize %s: %s", overlay, output).isZero();
			List<Map<String, Object>> objects = new ArrayList<>();
			for (Object document : new Yaml().loadAll(output)) {
				if (document != null) {
					objects.add(asMap(document));
				}
			}
			assertThat(objects).as("objects rendered for %s", overlay).isNotEmpty();
			return objects;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
		return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
	}

	private static String name(Map<String, Object> object) {
		return String.valueOf(map(object, "metadata").get("name"));
	}

	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return (value instanceof Map<?, ?>) ? asMap(value) : new LinkedHashMap<>();
	}

	private static List<Object> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		@SuppressWarnings("unchecked")
		List<Object> items = (value instanceof List<?>) ? (List<Object>) value : List.of();
		return items;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

}
