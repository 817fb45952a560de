package care.parcours.patient.pathways;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.templates.LocalizedNames;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.StepKind;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What the API answers about pathways: the whole pathway for staff; for a partner, the
 * steps and no reasons, and the patient's id only while a consent names the partner.
 */
final class PathwayViews {

	private PathwayViews() {
	}

	record TemplateRef(UUID id, String code, int version) {

		static TemplateRef of(Pathway pathway) {
			return new TemplateRef(pathway.templateId(), pathway.templateCode(), pathway.templateVersion());
		}

	}

	record PathwayView(UUID id, UUID patientId, TemplateRef template, Instant anchorAt, String coordinatorId,
			@Nullable UUID partnerId, PathwayStatus status, @Nullable Outcome outcome, @Nullable String statusReason,
			List<StepView> steps, List<AlertView> alerts, long version, Instant openedAt, Instant changedAt,
			@Nullable Instant endedAt) {

		static PathwayView of(Pathway pathway) {
			return new PathwayView(pathway.id(), pathway.patientId(), TemplateRef.of(pathway), pathway.anchorAt(),
					pathway.coordinatorId(), pathway.partnerId(), pathway.status(), pathway.outcome(),
					pathway.statusReason(), pathway.steps().stream().map(StepView::of).toList(),
					pathway.alerts().stream().map(AlertView::of).toList(), pathway.version(), pathway.openedAt(),
					pathway.changedAt(), pathway.endedAt());
		}

	}

	@Schema(name = "PathwayStepView")
	record StepView(UUID id, String key, StepKind kind, LocalizedNames names, StepStatus status, Instant dueAt,
			String offset, String tolerance, boolean anchor, List<String> dependsOn, OwnerRole ownerRole,
			@Nullable String assigneeId, @Nullable String specialty, @Nullable String appointmentType,
			@Nullable UUID bookingId, @Nullable String reason, boolean addedByHand, Instant changedAt) {

		static StepView of(PathwayStep step) {
			return new StepView(step.id(), step.key(), step.kind(), step.names(), step.status(), step.dueAt(),
					step.offset().toString(), step.tolerance().toString(), step.anchor(), step.dependsOn(),
					step.ownerRole(), step.assigneeId(), step.specialty(), step.appointmentType(), step.bookingId(),
					step.reason(), step.addedByHand(), step.changedAt());
		}

	}

	record AlertView(UUID id, @Nullable UUID stepId, AlertKind kind, Instant raisedAt, @Nullable Instant resolvedAt,
			@Nullable String resolvedBy, @Nullable String resolution) {

		static AlertView of(PathwayAlert alert) {
			return new AlertView(alert.id(), alert.stepId(), alert.kind(), alert.raisedAt(), alert.resolvedAt(),
					alert.resolvedBy(), alert.resolution());
		}

	}

	/**
	 * A pathway as the partner it is at reads it: its steps, what to book and when. The
	 * patient's id only while a consent names the partner; no reasons (a coordinator's
	 * words), no alerts, no coordinator.
	 */
	record PartnerPathwayView(UUID id, @Nullable UUID patientId, TemplateRef template, UUID partnerId,
			PathwayStatus status, List<PartnerStepView> steps, long version) {

		static PartnerPathwayView of(Pathway pathway, boolean identityShared) {
			return new PartnerPathwayView(pathway.id(), identityShared ? pathway.patientId() : null,
					TemplateRef.of(pathway), java.util.Objects.requireNonNull(pathway.partnerId()), pathway.status(),
					pathway.steps().stream().map(PartnerStepView::of).toList(), pathway.version());
		}

	}

	record PartnerStepView(UUID id, String key, StepKind kind, LocalizedNames names, StepStatus status, Instant dueAt,
			OwnerRole ownerRole, @Nullable String specialty, @Nullable String appointmentType,
			@Nullable UUID bookingId) {

		static PartnerStepView of(PathwayStep step) {
			return new PartnerStepView(step.id(), step.key(), step.kind(), step.names(), step.status(), step.dueAt(),
					step.ownerRole(), step.specialty(), step.appointmentType(), step.bookingId());
		}

	}

}
