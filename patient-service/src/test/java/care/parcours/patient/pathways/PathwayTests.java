package care.parcours.patient.pathways;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.patient.PathwayAlertRaised;
import care.parcours.events.patient.PathwayClosed;
import care.parcours.events.patient.PathwayOpened;
import care.parcours.events.patient.PathwayStepChanged;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.StepKind;
import care.parcours.patient.templates.TemplateFixtures;
import care.parcours.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathwayTests {

	static final Instant OPENED = Instant.parse("2026-02-01T09:00:00Z");

	static final Instant SURGERY = Instant.parse("2026-03-10T08:00:00Z");

	private final Pathway pathway = Pathway
		.open(UUID.randomUUID(), UUID.randomUUID(), TemplateFixtures.hipTemplate(), SURGERY, "coordinator-1",
				UUID.randomUUID(), UUID::randomUUID, OPENED)
		.pathway();

	@Test
	void openingPlansEveryStepAtTheAnchorPlusItsOffsetAndAnnouncesEach() {
		Pathway.Change opened = Pathway.open(UUID.randomUUID(), UUID.randomUUID(), TemplateFixtures.hipTemplate(),
				SURGERY, "coordinator-1", null, UUID::randomUUID, OPENED);

		assertThat(opened.pathway().status()).isEqualTo(PathwayStatus.OPEN);
		assertThat(opened.pathway().version()).isZero();
		assertThat(opened.pathway().steps()).extracting(PathwayStep::key, PathwayStep::dueAt, PathwayStep::status)
			.containsExactly(tuple("teleconsultation", "2026-02-08T08:00:00Z"), tuple("quote", "2026-02-13T08:00:00Z"),
					tuple("pre-op", "2026-03-09T08:00:00Z"), tuple("surgery", "2026-03-10T08:00:00Z"),
					tuple("follow-up-7", "2026-03-17T08:00:00Z"), tuple("follow-up-30", "2026-04-09T08:00:00Z"));
		assertThat(opened.events()).hasSize(7).first().isInstanceOf(PathwayOpened.class);
		assertThat(opened.events().subList(1, 7))
			.allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(PathwayStepChanged.class,
					changed -> assertThat(changed.status()).isEqualTo("PLANNED")));
		assertThat(opened.pathway().step("surgery").orElseThrow().ownerRole()).isEqualTo(OwnerRole.PARTNER);
	}

	@Test
	void theNextStepIsTheOpenStepDueFirst() {
		UUID teleconsultation = step("teleconsultation").id();
		Pathway done = pathway.completeStep(teleconsultation, OPENED.plusSeconds(60)).pathway();

		assertThat(pathway.nextStep().orElseThrow().key()).isEqualTo("teleconsultation");
		assertThat(done.nextStep().orElseThrow().key()).isEqualTo("quote");
	}

	@Test
	void aBookedStepIsScheduledAtTheBookedStartAndItsAlertsAreResolvedByIt() {
		UUID preOp = step("pre-op").id();
		UUID appointment = UUID.randomUUID();
		Instant start = Instant.parse("2026-03-09T14:30:00Z");
		Pathway broken = pathway.breakStep(preOp, "CANCELLED", OPENED).pathway();
		Pathway alerted = broken.raiseAlert(UUID.randomUUID(), preOp, AlertKind.APPOINTMENT_CANCELLED, OPENED)
			.pathway();

		Pathway.Change scheduled = alerted.scheduleStep(preOp, appointment, start, OPENED.plusSeconds(5));

		PathwayStep step = scheduled.pathway().step(preOp).orElseThrow();
		assertThat(step.status()).isEqualTo(StepStatus.SCHEDULED);
		assertThat(step.dueAt()).isEqualTo(start);
		assertThat(step.bookingId()).isEqualTo(appointment);
		assertThat(scheduled.pathway().openAlerts()).isEmpty();
		assertThat(scheduled.pathway().alerts().getFirst().resolution()).isEqualTo("STEP_SCHEDULED");
		assertThat(scheduled.pathway().version()).isEqualTo(alerted.version() + 1);
		assertThat(scheduled.events()).singleElement().isInstanceOfSatisfying(PathwayStepChanged.class, event -> {
			assertThat(event.status()).isEqualTo("SCHEDULED");
			assertThat(event.dueAt()).isEqualTo(start);
		});
		assertThatThrownBy(() -> scheduled.pathway().scheduleStep(preOp, appointment, start, OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void aLapsedHoldPlansTheStepAgainButAHoldConfirmedIntoAnAppointmentDoesNot() {
		UUID preOp = step("pre-op").id();
		UUID hold = UUID.randomUUID();
		UUID appointment = UUID.randomUUID();
		Instant start = Instant.parse("2026-03-09T15:00:00Z");
		Pathway held = pathway.scheduleStep(preOp, hold, start, OPENED).pathway();

		PathwayStep released = held.releaseStep(preOp, hold, OPENED).pathway().step(preOp).orElseThrow();
		assertThat(released.status()).isEqualTo(StepStatus.PLANNED);
		assertThat(released.dueAt()).isEqualTo(step("pre-op").dueAt());
		assertThat(released.bookingId()).isNull();

		Pathway confirmed = held.scheduleStep(preOp, appointment, start, OPENED).pathway();
		assertThatThrownBy(() -> confirmed.releaseStep(preOp, hold, OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void aFactAboutAnAppointmentTheStepHasLeftChangesNothing() {
		UUID surgery = step("surgery").id();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Pathway rebooked = pathway.scheduleStep(surgery, first, SURGERY, OPENED)
			.pathway()
			.scheduleStep(surgery, second, SURGERY.plus(Duration.ofHours(2)), OPENED)
			.pathway();

		assertThatThrownBy(() -> rebooked.breakStep(surgery, first, "CANCELLED", OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class)
			.hasMessageContaining("is booked with " + second);
		assertThatThrownBy(() -> rebooked.completeStep(surgery, first, OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
		assertThat(
				rebooked.breakStep(surgery, second, "NO_SHOW", OPENED).pathway().step(surgery).orElseThrow().status())
			.isEqualTo(StepStatus.BROKEN);
	}

	@Test
	void aDoneStepCanBeNeitherSkippedNorCompletedAgain() {
		UUID quote = step("quote").id();
		Pathway done = pathway.completeStep(quote, OPENED).pathway();

		assertThatThrownBy(() -> done.skipStep(quote, "not needed", "coordinator-1", OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class)
			.hasMessageContaining("Step 'quote' of pathway " + pathway.id() + " is DONE; it cannot be skipped.");
		assertThatThrownBy(() -> done.completeStep(quote, OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void aSkippedStepKeepsItsReason() {
		UUID interpreter = step("follow-up-30").id();

		PathwayStep skipped = pathway.skipStep(interpreter, "Follow-up by the GP at home", "coordinator-1", OPENED)
			.pathway()
			.step(interpreter)
			.orElseThrow();

		assertThat(skipped.status()).isEqualTo(StepStatus.SKIPPED);
		assertThat(skipped.reason()).isEqualTo("Follow-up by the GP at home");
	}

	@Test
	void aStepCannotBeMovedBeforeAStepItDependsOnNorAfterOneThatDependsOnIt() {
		UUID preOp = step("pre-op").id();

		assertThatThrownBy(() -> pathway.moveStep(preOp, Instant.parse("2026-02-12T08:00:00Z"), OPENED))
			.isInstanceOf(PathwayProblems.StepBeforeDependency.class)
			.hasMessage("Step 'pre-op' cannot be due at 2026-02-12T08:00:00Z: it depends on step 'quote', due at "
					+ "2026-02-13T08:00:00Z.");
		assertThatThrownBy(() -> pathway.moveStep(preOp, Instant.parse("2026-03-11T08:00:00Z"), OPENED))
			.isInstanceOf(PathwayProblems.StepAfterDependent.class)
			.hasMessageContaining("step 'surgery' depends on it");

		Pathway moved = pathway.moveStep(preOp, Instant.parse("2026-03-08T08:00:00Z"), OPENED).pathway();
		assertThat(moved.step(preOp).orElseThrow().dueAt()).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
	}

	@Test
	void aBookedStepMovesWithItsAppointmentNotByHand() {
		UUID surgery = step("surgery").id();
		Pathway booked = pathway.scheduleStep(surgery, UUID.randomUUID(), SURGERY, OPENED).pathway();

		assertThatThrownBy(() -> booked.moveStep(surgery, SURGERY.plusSeconds(3600), OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void closingWithOpenStepsNeedsAReasonAndThenResolvesTheAlerts() {
		Pathway alerted = pathway.raiseAlert(UUID.randomUUID(), null, AlertKind.QUOTE_EXPIRED, OPENED).pathway();

		assertThatThrownBy(() -> alerted.close(Outcome.DECLINED, null, "coordinator-1", OPENED))
			.isInstanceOf(PathwayProblems.OpenStepsRemain.class)
			.satisfies(ex -> assertThat(((DomainException) ex).properties()).containsEntry("openSteps",
					List.of("teleconsultation", "quote", "pre-op", "surgery", "follow-up-7", "follow-up-30")));

		Pathway.Change closed = alerted.close(Outcome.DECLINED, "The patient chose a clinic at home", "coordinator-1",
				OPENED.plusSeconds(1));
		assertThat(closed.pathway().status()).isEqualTo(PathwayStatus.CLOSED);
		assertThat(closed.pathway().outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(closed.pathway().endedAt()).isEqualTo(OPENED.plusSeconds(1));
		assertThat(closed.pathway().openAlerts()).isEmpty();
		assertThat(closed.events())
			.containsExactly(new PathwayClosed(pathway.id(), "CLOSED", "DECLINED", OPENED.plusSeconds(1)));
	}

	@Test
	void aPathwayWhoseStepsAreAllDoneOrSkippedClosesWithoutAReason() {
		Pathway finished = pathway;
		for (PathwayStep step : pathway.steps()) {
			finished = finished.completeStep(step.id(), OPENED).pathway();
		}

		assertThat(finished.close(Outcome.COMPLETED, null, "coordinator-1", OPENED).pathway().status())
			.isEqualTo(PathwayStatus.CLOSED);
	}

	@Test
	void anEndedPathwayChangesNoMore() {
		Pathway cancelled = pathway.cancel("Duplicate request", "coordinator-1", OPENED).pathway();
		UUID quote = step("quote").id();

		assertThat(cancelled.status()).isEqualTo(PathwayStatus.CANCELLED);
		assertThatThrownBy(() -> cancelled.completeStep(quote, OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class)
			.hasMessage("Pathway " + pathway.id() + " is CANCELLED; it cannot have a step completed.");
		assertThatThrownBy(() -> cancelled.resume(OPENED)).isInstanceOf(PathwayProblems.InvalidTransition.class);
		assertThatThrownBy(() -> cancelled.close(Outcome.COMPLETED, "x", "coordinator-1", OPENED))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void aPathwayOnHoldResumesAndIsNotPutOnHoldTwice() {
		Pathway held = pathway.hold("Waiting for the visa", OPENED).pathway();

		assertThat(held.status()).isEqualTo(PathwayStatus.ON_HOLD);
		assertThat(held.statusReason()).isEqualTo("Waiting for the visa");
		assertThatThrownBy(() -> held.hold(null, OPENED)).isInstanceOf(PathwayProblems.InvalidTransition.class);
		assertThat(held.resume(OPENED).pathway().status()).isEqualTo(PathwayStatus.OPEN);
		assertThatThrownBy(() -> pathway.resume(OPENED)).isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void aStepIsOverdueOnlyPastItsToleranceAndAlertsOnce() {
		PathwayStep surgery = step("surgery");
		UUID alert = UUID.randomUUID();

		assertThatThrownBy(() -> pathway.markOverdue(surgery.id(), alert, SURGERY.plus(Duration.ofHours(11))))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);

		Pathway.Change overdue = pathway.markOverdue(surgery.id(), alert, SURGERY.plus(Duration.ofHours(13)));
		assertThat(overdue.pathway().step(surgery.id()).orElseThrow().status()).isEqualTo(StepStatus.OVERDUE);
		assertThat(overdue.pathway().version()).isEqualTo(pathway.version() + 1);
		assertThat(overdue.events()).hasSize(2)
			.last()
			.isEqualTo(new PathwayAlertRaised(pathway.id(), alert, surgery.id(), "STEP_OVERDUE",
					SURGERY.plus(Duration.ofHours(13))));
		assertThatThrownBy(
				() -> overdue.pathway().markOverdue(surgery.id(), UUID.randomUUID(), SURGERY.plus(Duration.ofDays(1))))
			.isInstanceOf(PathwayProblems.InvalidTransition.class);
	}

	@Test
	void anAlertOfAKindIsOpenOnlyOncePerStepAndIsResolvedByHandWithWhoAndHow() {
		UUID quote = step("quote").id();
		UUID alert = UUID.randomUUID();
		Pathway alerted = pathway.raiseAlert(alert, quote, AlertKind.QUOTE_EXPIRED, OPENED).pathway();

		assertThatThrownBy(() -> alerted.raiseAlert(UUID.randomUUID(), quote, AlertKind.QUOTE_EXPIRED, OPENED))
			.isInstanceOf(PathwayProblems.AlertAlreadyOpen.class);
		assertThat(alerted.raiseAlert(UUID.randomUUID(), null, AlertKind.QUOTE_EXPIRED, OPENED).pathway().openAlerts())
			.hasSize(2);

		Pathway resolved = alerted.resolveAlert(alert, "coordinator-2", "New quote requested", OPENED.plusSeconds(9))
			.pathway();
		assertThat(resolved.alerts()).singleElement().satisfies(a -> {
			assertThat(a.resolvedBy()).isEqualTo("coordinator-2");
			assertThat(a.resolvedAt()).isEqualTo(OPENED.plusSeconds(9));
			assertThat(a.resolution()).isEqualTo("New quote requested");
		});
		assertThatThrownBy(() -> resolved.resolveAlert(alert, "coordinator-2", "again", OPENED))
			.isInstanceOf(PathwayProblems.AlertAlreadyResolved.class);
	}

	@Test
	void movingTheAnchorMovesUnbookedStepsAndKeepsBookedAndDoneOnes() {
		UUID teleconsultation = step("teleconsultation").id();
		UUID surgery = step("surgery").id();
		Pathway worked = pathway.completeStep(teleconsultation, OPENED).pathway();
		worked = worked.scheduleStep(surgery, UUID.randomUUID(), SURGERY, OPENED).pathway();
		Instant later = SURGERY.plus(Duration.ofDays(3));

		Pathway.Change moved = worked.moveAnchor(later, OPENED);

		assertThat(moved.pathway().anchorAt()).isEqualTo(later);
		assertThat(moved.pathway().step(teleconsultation).orElseThrow().dueAt())
			.isEqualTo(step("teleconsultation").dueAt());
		assertThat(moved.pathway().step(surgery).orElseThrow().dueAt()).isEqualTo(SURGERY);
		assertThat(moved.pathway().step("pre-op").orElseThrow().dueAt()).isEqualTo(later.minus(Duration.ofDays(1)));
		assertThat(moved.events()).hasSize(4)
			.allSatisfy(event -> assertThat(event).isInstanceOf(PathwayStepChanged.class));
	}

	@Test
	void anOverdueStepIsPlannedAgainWhenTheAnchorMovesItIntoTheFuture() {
		PathwayStep quote = step("quote");
		Instant late = quote.dueAt().plus(Duration.ofDays(1));
		Pathway overdue = pathway.markOverdue(quote.id(), UUID.randomUUID(), late).pathway();

		Pathway moved = overdue.moveAnchor(SURGERY.plus(Duration.ofDays(10)), late).pathway();

		assertThat(moved.step(quote.id()).orElseThrow().status()).isEqualTo(StepStatus.PLANNED);
	}

	@Test
	void aStepAddedByHandTakesAFreeKeyAndRespectsItsDependencies() {
		NewStep followUp = new NewStep(null, StepKind.FOLLOW_UP, TemplateFixtures.names("follow-up"),
				SURGERY.plus(Duration.ofDays(60)), OwnerRole.COORDINATOR, "assistant-7", List.of("follow-up-30"), null,
				null);

		Pathway.Change added = pathway.addStep(followUp, UUID.randomUUID(), OPENED);

		PathwayStep step = added.pathway().steps().getLast();
		assertThat(step.key()).isEqualTo("follow-up");
		assertThat(step.addedByHand()).isTrue();
		assertThat(step.offset()).hasToString("P60D");
		assertThat(added.pathway().addStep(followUp, UUID.randomUUID(), OPENED).pathway().steps().getLast().key())
			.isEqualTo("follow-up-2");
		NewStep tooEarly = new NewStep("early", StepKind.FOLLOW_UP, TemplateFixtures.names("early"), SURGERY,
				OwnerRole.COORDINATOR, null, List.of("follow-up-30"), null, null);
		assertThatThrownBy(() -> pathway.addStep(tooEarly, UUID.randomUUID(), OPENED))
			.isInstanceOf(PathwayProblems.StepBeforeDependency.class);
		NewStep unknown = new NewStep("late", StepKind.FOLLOW_UP, TemplateFixtures.names("late"), SURGERY,
				OwnerRole.COORDINATOR, null, List.of("physiotherapy"), null, null);
		assertThatThrownBy(() -> pathway.addStep(unknown, UUID.randomUUID(), OPENED))
			.isInstanceOf(PathwayProblems.UnknownDependency.class);
	}

	@Test
	void reassigningAStepKeepsWhatIsNotNamed() {
		UUID quote = step("quote").id();

		PathwayStep reassigned = pathway.reassignStep(quote, "billing-3", null, OPENED)
			.pathway()
			.step(quote)
			.orElseThrow();

		assertThat(reassigned.assigneeId()).isEqualTo("billing-3");
		assertThat(reassigned.ownerRole()).isEqualTo(OwnerRole.COORDINATOR);
	}

	private PathwayStep step(String key) {
		return pathway.step(key).orElseThrow();
	}

	private static org.assertj.core.groups.Tuple tuple(String key, String due) {
		return org.assertj.core.groups.Tuple.tuple(key, Instant.parse(due), StepStatus.PLANNED);
	}

}
