package care.parcours.patient.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import care.parcours.platform.domain.RuleViolationException;

/**
 * What makes a list of steps a template: at least one step, unique keys, exactly one
 * anchor, dependencies that name steps of the template and never loop, and no step due
 * before a step it depends on. Each refusal names the steps at fault.
 */
final class TemplateValidation {

	private TemplateValidation() {
	}

	static void check(List<TemplateStep> steps) {
		if (steps.isEmpty()) {
			throw new RuleViolationException("template-without-steps", "A template needs at least one step.");
		}
		Map<String, TemplateStep> byKey = new LinkedHashMap<>();
		for (TemplateStep step : steps) {
			if (byKey.putIfAbsent(step.key(), step) != null) {
				throw new RuleViolationException("template-duplicate-step",
						"Two steps have the key '" + step.key() + "'; keys are unique within a template.",
						Map.of("step", step.key()));
			}
		}
		List<String> anchors = steps.stream().filter(TemplateStep::anchor).map(TemplateStep::key).toList();
		if (anchors.size() != 1) {
			throw new RuleViolationException("template-anchor",
					"A template has exactly one anchor step; this one has "
							+ (anchors.isEmpty() ? "none" : anchors.size() + ": " + String.join(", ", anchors)) + ".",
					Map.of("anchors", anchors));
		}
		for (TemplateStep step : steps) {
			for (String dependency : step.dependsOn()) {
				if (!byKey.containsKey(dependency)) {
					throw new RuleViolationException("template-unknown-dependency",
							"Step '" + step.key() + "' depends on '" + dependency + "', which the template lacks.",
							Map.of("step", step.key(), "dependsOn", dependency));
				}
			}
		}
		requireNoCycle(byKey);
		for (TemplateStep step : steps) {
			for (String key : step.dependsOn()) {
				TemplateStep dependency = byKey.get(key);
				if (step.offset().compareTo(dependency.offset()) < 0) {
					throw new RuleViolationException("template-offset-contradiction",
							"Step '" + step.key() + "' (" + step.offset() + ") would be due before step '" + key + "' ("
									+ dependency.offset() + "), which it depends on.",
							Map.of("step", step.key(), "dependsOn", key));
				}
			}
		}
	}

	/** Depth-first search; the first cycle met is named in full, from its first step. */
	private static void requireNoCycle(Map<String, TemplateStep> byKey) {
		Set<String> finished = new HashSet<>();
		for (String start : byKey.keySet()) {
			visit(start, byKey, new ArrayList<>(), finished);
		}
	}

	private static void visit(String key, Map<String, TemplateStep> byKey, List<String> path, Set<String> finished) {
		if (finished.contains(key)) {
			return;
		}
		int seen = path.indexOf(key);
		if (seen >= 0) {
			List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
			cycle.add(key);
			throw new RuleViolationException("template-dependency-cycle",
					"The steps' dependencies loop: " + String.join(" → ", cycle) + ".", Map.of("cycle", cycle));
		}
		path.add(key);
		for (String dependency : byKey.get(key).dependsOn()) {
			visit(dependency, byKey, path, finished);
		}
		path.remove(path.size() - 1);
		finished.add(key);
	}

}
