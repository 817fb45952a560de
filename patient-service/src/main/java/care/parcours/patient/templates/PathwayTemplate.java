package care.parcours.patient.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * One version of a template (protocol). A version never changes once published: a pathway
 * opened from it keeps it, whatever is published after.
 *
 * @param id the template, the same for all its versions
 * @param code the template's stable code ({@code hip-replacement-medical-tourism})
 * @param version 1 for the first, then one more per publication
 * @param sample whether it is a sample shipped with the local platform
 * @param names its name in French, English and Dutch
 * @param steps its steps, in the order a coordinator reads them
 * @param publishedAt when this version was published
 * @param publishedBy who published it (login or client id)
 */
public record PathwayTemplate(UUID id, String code, int version, boolean sample, LocalizedNames names,
		List<TemplateStep> steps, Instant publishedAt, String publishedBy) {

	public PathwayTemplate {
		steps = List.copyOf(steps);
	}

	/**
	 * The first version of a new template.
	 * @throws InvalidRequestException when the code is not a slug
	 * @throws care.parcours.platform.domain.RuleViolationException when the steps
	 * contradict each other ({@link TemplateValidation})
	 */
	public static PathwayTemplate create(UUID id, String code, boolean sample, LocalizedNames names,
			List<TemplateStep> steps, String publishedBy, Instant now) {
		TemplateStep.requireKey("code", code);
		TemplateValidation.check(steps);
		return new PathwayTemplate(id, code, 1, sample, names, steps, now, publishedBy);
	}

	/** The next version: new names and steps, the same template. */
	public PathwayTemplate publish(LocalizedNames newNames, List<TemplateStep> newSteps, String by, Instant now) {
		TemplateValidation.check(newSteps);
		return new PathwayTemplate(id, code, version + 1, sample, newNames, newSteps, now, by);
	}

	public TemplateStep anchor() {
		return steps.stream().filter(TemplateStep::anchor).findFirst().orElseThrow();
	}

}
