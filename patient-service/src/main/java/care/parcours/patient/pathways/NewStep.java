package care.parcours.patient.pathways;

import java.time.Instant;
import java.util.List;

import care.parcours.patient.templates.LocalizedNames;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.StepKind;
import care.parcours.patient.templates.TemplateStep;
import org.jspecify.annotations.Nullable;

/**
 * A step a coordinator adds by hand.
 *
 * @param key its key, or none to take one from its kind ({@code follow-up-2})
 * @param kind what it is
 * @param names its name in French, English and Dutch
 * @param dueAt when it is due
 * @param ownerRole the role whose work it is
 * @param assigneeId the user it is for, if anyone in particular
 * @param dependsOn the keys of the pathway's steps that come first
 * @param specialty the specialty a booking for it needs
 * @param appointmentType the appointment type a booking for it needs
 */
public record NewStep(@Nullable String key, StepKind kind, LocalizedNames names, Instant dueAt, OwnerRole ownerRole,
		@Nullable String assigneeId, List<String> dependsOn, @Nullable String specialty,
		@Nullable String appointmentType) {

	public NewStep {
		if (key != null) {
			TemplateStep.requireKey("key", key);
		}
		dependsOn = List.copyOf(dependsOn);
		dependsOn.forEach(dependency -> TemplateStep.requireKey("dependsOn", dependency));
	}

}
