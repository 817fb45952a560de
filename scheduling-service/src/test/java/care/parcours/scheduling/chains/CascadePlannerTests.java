package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CascadePlannerTests {

	private static final Instant SURGERY = Instant.parse("2026-12-10T08:00:00Z");

	private final UUID consult = UUID.randomUUID();

	private final UUID surgery = UUID.randomUUID();

	private final UUID followUp = UUID.randomUUID();

	/**
	 * Consult the day before surgery (give or take 12 h), follow-up a week after (give or
	 * take a day).
	 */
	private final AppointmentChain chain = new AppointmentChain(UUID.randomUUID(), UUID.randomUUID(), null,
			List.of(new ChainRule(surgery, consult, Duration.ofDays(-1), Duration.ofHours(12)),
					new ChainRule(surgery, followUp, Duration.ofDays(7), Duration.ofDays(1))),
			SURGERY, 0);

	private final FakeCalendar calendar = new FakeCalendar();

	private final Map<UUID, CascadePlanner.Step> steps = new HashMap<>();

	CascadePlannerTests() {
		step(consult, SURGERY.minus(Duration.ofDays(1)), 30);
		step(surgery, SURGERY, 120);
		step(followUp, SURGERY.plus(Duration.ofDays(7)), 30);
	}

	@Test
	void stepsWhoseRulesStillHoldStayWhereTheyAre() {
		// Two hours later: the consult is still within 12 h of D-1, the follow-up within
		// a day of D+7.
		CascadePlanner.Outcome outcome = plan(surgery, SURGERY.plus(Duration.ofHours(2)));

		assertThat(outcome).isInstanceOf(CascadePlanner.Plan.class);
		Map<UUID, TimeRange> placements = ((CascadePlanner.Plan) outcome).placements();
		assertThat(placements.get(surgery).start()).isEqualTo(SURGERY.plus(Duration.ofHours(2)));
		assertThat(placements.get(consult)).isEqualTo(steps.get(consult).current());
		assertThat(placements.get(followUp)).isEqualTo(steps.get(followUp).current());
	}

	@Test
	void dependentStepsMoveToTheFreeSlotClosestToTheirIdeal() {
		Instant delayed = SURGERY.plus(Duration.ofDays(3));
		calendar.free(consult, delayed.minus(Duration.ofDays(1)).minus(Duration.ofHours(4)), 30);
		calendar.free(consult, delayed.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)), 30);
		calendar.free(followUp, delayed.plus(Duration.ofDays(7)).plus(Duration.ofHours(20)), 30);

		CascadePlanner.Plan plan = (CascadePlanner.Plan) plan(surgery, delayed);

		assertThat(plan.placements().get(consult).start())
			.isEqualTo(delayed.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
		assertThat(plan.placements().get(followUp).start())
			.isEqualTo(delayed.plus(Duration.ofDays(7)).plus(Duration.ofHours(20)));
	}

	@Test
	void aStepWhoseIdealTimeIsFreeInABusyDayLandsOnItExactly() {
		// The practitioner is free every half hour across the consult's whole window
		// (D-1 give or take 12 hours), earliest first as the slot search answers: the
		// consult keeps its distance to the surgery to the minute.
		Instant delayed = SURGERY.plus(Duration.ofDays(3));
		Instant ideal = delayed.minus(Duration.ofDays(1));
		for (Instant start = ideal.minus(Duration.ofHours(12)); start
			.isBefore(ideal.plus(Duration.ofHours(12))); start = start.plus(Duration.ofMinutes(30))) {
			calendar.free(consult, start, 30);
		}
		calendar.free(followUp, delayed.plus(Duration.ofDays(7)), 30);

		CascadePlanner.Plan plan = (CascadePlanner.Plan) plan(surgery, delayed);

		assertThat(plan.placements().get(consult).start()).isEqualTo(ideal);
	}

	@Test
	void whenAStepHasNowhereToGoThePlanNamesItAndItsWindow() {
		Instant delayed = SURGERY.plus(Duration.ofDays(3));
		calendar.free(consult, delayed.minus(Duration.ofDays(1)), 30);

		CascadePlanner.Outcome outcome = plan(surgery, delayed);

		assertThat(outcome).isInstanceOf(CascadePlanner.Impossible.class);
		CascadePlanner.Impossible impossible = (CascadePlanner.Impossible) outcome;
		assertThat(impossible.step()).isEqualTo(followUp);
		assertThat(impossible.window().start()).isEqualTo(delayed.plus(Duration.ofDays(6)));
		assertThat(impossible.reason()).contains("no free 30-minute slot");
	}

	@Test
	void movingTheFirstStepMovesTheOthersThroughTheChain() {
		Instant earlier = SURGERY.minus(Duration.ofDays(2)).minus(Duration.ofDays(1));
		calendar.free(surgery, earlier.plus(Duration.ofDays(1)), 120);
		calendar.free(followUp, earlier.plus(Duration.ofDays(8)), 30);

		CascadePlanner.Plan plan = (CascadePlanner.Plan) plan(consult, earlier);

		assertThat(plan.placements().get(surgery).start()).isEqualTo(earlier.plus(Duration.ofDays(1)));
		assertThat(plan.placements().get(followUp).start()).isEqualTo(earlier.plus(Duration.ofDays(8)));
	}

	@Test
	void theMovedStepMustItselfBeFree() {
		CascadePlanner.Outcome outcome = new CascadePlanner(calendar.busyEverywhere()).plan(chain, steps, surgery,
				SURGERY.plus(Duration.ofDays(1)), List.of());

		assertThat(outcome).isInstanceOf(CascadePlanner.Impossible.class);
		assertThat(((CascadePlanner.Impossible) outcome).step()).isEqualTo(surgery);
	}

	@Test
	void aSlotCollidingWithThePatientsOtherAppointmentIsPassedOver() {
		Instant delayed = SURGERY.plus(Duration.ofDays(3));
		Instant closest = delayed.minus(Duration.ofDays(1));
		calendar.free(surgery, delayed, 120);
		calendar.free(consult, closest, 30);
		calendar.free(consult, closest.plus(Duration.ofHours(3)), 30);
		calendar.free(followUp, delayed.plus(Duration.ofDays(7)), 30);

		CascadePlanner.Plan plan = (CascadePlanner.Plan) new CascadePlanner(calendar).plan(chain, steps, surgery,
				delayed, List.of(TimeRange.of(closest, Duration.ofMinutes(30))));

		assertThat(plan.placements().get(consult).start()).isEqualTo(closest.plus(Duration.ofHours(3)));
	}

	@Test
	void aChoiceThatLeavesALaterStepNowhereToGoIsUndone() {
		// The follow-up also hangs on the consult: 8 days after it, give or take 2 hours.
		AppointmentChain linked = new AppointmentChain(chain.id(), chain.patientId(), null,
				List.of(new ChainRule(surgery, consult, Duration.ofDays(-1), Duration.ofHours(12)),
						new ChainRule(consult, followUp, Duration.ofDays(8), Duration.ofHours(2))),
				SURGERY, 0);
		Instant delayed = SURGERY.plus(Duration.ofDays(3));
		Instant ideal = delayed.minus(Duration.ofDays(1));
		calendar.free(surgery, delayed, 120);
		calendar.free(consult, ideal, 30);
		calendar.free(consult, ideal.plus(Duration.ofHours(5)), 30);
		calendar.free(followUp, ideal.plus(Duration.ofHours(5)).plus(Duration.ofDays(8)), 30);

		CascadePlanner.Plan plan = (CascadePlanner.Plan) new CascadePlanner(calendar).plan(linked, steps, surgery,
				delayed, List.of());

		assertThat(plan.placements().get(consult).start()).isEqualTo(ideal.plus(Duration.ofHours(5)));
		assertThat(plan.placements().get(followUp).start())
			.isEqualTo(ideal.plus(Duration.ofHours(5)).plus(Duration.ofDays(8)));
	}

	@Test
	void aStepThatCannotMoveBlocksAPlanThatWouldNeedIt() {
		steps.put(consult, new CascadePlanner.Step(consult, UUID.randomUUID(), steps.get(consult).current(), false));

		CascadePlanner.Outcome outcome = plan(surgery, SURGERY.plus(Duration.ofDays(3)));

		assertThat(((CascadePlanner.Impossible) outcome).step()).isEqualTo(consult);
		assertThat(((CascadePlanner.Impossible) outcome).reason()).contains("cannot move");
	}

	private CascadePlanner.Outcome plan(UUID moved, Instant newStart) {
		calendar.free(moved, newStart, (int) steps.get(moved).current().length().toMinutes());
		return new CascadePlanner(calendar).plan(chain, steps, moved, newStart, List.of());
	}

	private void step(UUID id, Instant start, int minutes) {
		steps.put(id,
				new CascadePlanner.Step(id, UUID.randomUUID(), TimeRange.of(start, Duration.ofMinutes(minutes)), true));
	}

}
