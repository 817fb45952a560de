package care.parcours.patient.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Templates and steps for the rules' tests, written as a coordinator reads them. */
public final class TemplateFixtures {

	private TemplateFixtures() {
	}

	public static LocalizedNames names(String key) {
		return new LocalizedNames(key + " (fr)", key + " (en)", key + " (nl)");
	}

	public static TemplateStep step(String key, StepKind kind, String offset, String... dependsOn) {
		return step(key, kind, offset, "P0D", List.of(dependsOn), null);
	}

	public static TemplateStep step(String key, StepKind kind, String offset, String tolerance, List<String> dependsOn,
			@Nullable String specialty) {
		return new TemplateStep(key, kind, names(key), false, TimeOffset.parse("offset", offset),
				TimeOffset.parse("tolerance", tolerance), dependsOn, OwnerRole.COORDINATOR, specialty, null);
	}

	public static TemplateStep anchor(String key, StepKind kind, String... dependsOn) {
		return new TemplateStep(key, kind, names(key), true, TimeOffset.ZERO, TimeOffset.parse("tolerance", "PT12H"),
				List.of(dependsOn), OwnerRole.PARTNER, "orthopaedics", "surgery");
	}

	/**
	 * Teleconsultation D-30, quote D-25, pre-op D-1, surgery D0 (anchor), follow-ups D+7
	 * and D+30: the architecture's example.
	 */
	public static List<TemplateStep> hipReplacement() {
		return List.of(step("teleconsultation", StepKind.TELECONSULTATION, "-P30D"),
				step("quote", StepKind.QUOTE, "-P25D", "teleconsultation"),
				step("pre-op", StepKind.CONSULTATION, "-P1D", "quote"), anchor("surgery", StepKind.SURGERY, "pre-op"),
				step("follow-up-7", StepKind.FOLLOW_UP, "P7D", "surgery"),
				step("follow-up-30", StepKind.FOLLOW_UP, "P30D", "follow-up-7"));
	}

	public static PathwayTemplate hipTemplate() {
		return PathwayTemplate.create(UUID.randomUUID(), "hip-replacement", false, names("hip"), hipReplacement(),
				"coordinator-1", Instant.parse("2026-01-05T08:00:00Z"));
	}

}
