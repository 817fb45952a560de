package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner against every small chain: two to four steps an hour or two long on an
 * hourly grid over twelve days, linked by rules in a tree (sometimes one more rule across
 * it), a few free slots per practitioner, some steps that cannot move, the patient busy
 * now and then. An exhaustive search over the same slots is the oracle.
 */
class CascadePlannerPropertiesTests {

	private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

	private static final int HOURS = 300;

	@Property
	void aPlanKeepsEveryRuleAndNeverDoubleBooks(@ForAll("chains") Scenario scenario) {
		CascadePlanner.Outcome outcome = scenario.plan();
		Statistics.label("outcome").collect(outcome.getClass().getSimpleName());
		Statistics.label("outcome").coverage(coverage -> coverage.check("Plan").percentage(percent -> percent > 5));
		if (!(outcome instanceof CascadePlanner.Plan plan)) {
			return;
		}
		Map<UUID, TimeRange> placed = plan.placements();

		assertThat(placed).containsOnlyKeys(scenario.steps().keySet());
		assertThat(placed.get(scenario.moved()).start()).isEqualTo(scenario.newStart());
		scenario.chain()
			.rules()
			.forEach(
					rule -> assertThat(rule.isSatisfied(placed.get(rule.from()).start(), placed.get(rule.to()).start()))
						.as("%s with %s at %s and %s", rule, rule.from(), placed.get(rule.from()),
								placed.get(rule.to()))
						.isTrue());
		placed.forEach((id, at) -> {
			assertThat(scenario.mayTake(id, at)).as("step %s placed at %s", id, at).isTrue();
			assertThat(placed.entrySet())
				.noneMatch(other -> !other.getKey().equals(id) && other.getValue().overlaps(at));
		});
	}

	@Property
	void anImpossibleAnswerIsTrueAndNamesAStepThatCannotMove(@ForAll("chains") Scenario scenario) {
		CascadePlanner.Outcome outcome = scenario.plan();
		Statistics.label("outcome").collect(outcome.getClass().getSimpleName());
		Statistics.label("outcome")
			.coverage(coverage -> coverage.check("Impossible").percentage(percent -> percent > 5));
		if (!(outcome instanceof CascadePlanner.Impossible impossible)) {
			return;
		}
		CascadePlanner.Step named = scenario.steps().get(impossible.step());

		assertThat(scenario.anyPlan()).as("a plan the planner missed").isFalse();
		assertThat(named).as("the step named").isNotNull();
		if (impossible.reason().contains("cannot move") || impossible.reason().contains("already started")) {
			assertThat(named.movable()).isFalse();
		}
		if (impossible.step().equals(scenario.moved()) && named.movable()) {
			assertThat(scenario.mayTake(scenario.moved(), scenario.target())).isFalse();
		}
		if (impossible.window() != null && named.movable()) {
			// Every place the step could take in the window is taken: by the patient's
			// other appointments, the moved step's new time or a place another step could
			// have taken.
			assertThat(scenario.placesOf(named.appointmentId()))
				.filteredOn(place -> impossible.window().contains(place.start()))
				.allMatch(place -> scenario.taken(named.appointmentId(), place));
		}
	}

	@Provide
	Arbitrary<Scenario> chains() {
		Arbitrary<StepShape> step = Combinators
			.combine(hour(), Arbitraries.integers().between(1, 2), likely(6),
					Arbitraries.integers().between(-12, 12).list().ofMinSize(1).ofMaxSize(5))
			.as(StepShape::new);
		Arbitrary<RuleShape> rule = Combinators
			.combine(Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 11),
					Arbitraries.integers().between(-3, 3), Arbitraries.integers().between(0, 24))
			.as(RuleShape::new);
		return Arbitraries.integers()
			.between(2, 4)
			.flatMap(size -> Combinators
				.combine(step.list().ofSize(size), rule.list().ofSize(size - 1), rule.list().ofMaxSize(1),
						Arbitraries.integers().between(0, size - 1), Arbitraries.integers().between(-72, 72), likely(3),
						hour().list().ofMaxSize(2))
				.as(Scenario::of));
	}

	/** True {@code odds} times out of {@code odds + 1}. */
	private static Arbitrary<Boolean> likely(int odds) {
		return Arbitraries.frequency(Tuple.of(odds, true), Tuple.of(1, false));
	}

	private static Arbitrary<Integer> hour() {
		return Arbitraries.integers().between(0, HOURS);
	}

	private static Instant at(int hour) {
		return START.plus(Duration.ofHours(hour));
	}

	/**
	 * A step: its start hour, its length in hours, whether it can move, its free hours.
	 */
	record StepShape(int start, int hours, boolean movable, List<Integer> free) {

	}

	/**
	 * A rule from one step to another: which steps (picked among those there are), how
	 * far off the current distance between them, and the tolerance, in hours.
	 */
	record RuleShape(int from, int to, int drift, int tolerance) {

	}

	record Scenario(AppointmentChain chain, Map<UUID, CascadePlanner.Step> steps, FakeCalendar calendar, UUID moved,
			Instant newStart, List<TimeRange> patientBusy) {

		static Scenario of(List<StepShape> shapes, List<RuleShape> tree, List<RuleShape> across, int moved, int shift,
				boolean targetFree, List<Integer> busy) {
			Map<UUID, CascadePlanner.Step> steps = new HashMap<>();
			FakeCalendar calendar = new FakeCalendar();
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < shapes.size(); i++) {
				StepShape shape = shapes.get(i);
				UUID id = new UUID(0, i + 1);
				ids.add(id);
				steps.put(id, new CascadePlanner.Step(id, new UUID(1, i + 1),
						TimeRange.of(at(shape.start()), Duration.ofHours(shape.hours())), shape.movable()));
				shape.free().forEach(hour -> calendar.free(id, at(shape.start() + shift + hour), shape.hours() * 60));
			}
			List<ChainRule> rules = new ArrayList<>();
			// A tree keeps every step linked to the moved one; the rule across adds a
			// cycle.
			for (int i = 1; i < shapes.size(); i++) {
				rules.add(rule(shapes, tree.get(i - 1).from() % i, i, tree.get(i - 1)));
			}
			for (RuleShape extra : across) {
				int from = extra.from() % shapes.size();
				int to = (from + 1 + extra.to() % (shapes.size() - 1)) % shapes.size();
				rules.add(rule(shapes, from, to, extra));
			}
			UUID movedId = ids.get(moved);
			int newStart = shapes.get(moved).start() + shift;
			if (targetFree) {
				calendar.free(movedId, at(newStart), shapes.get(moved).hours() * 60);
			}
			AppointmentChain chain = new AppointmentChain(new UUID(2, 1), new UUID(2, 2), null, rules, START);
			return new Scenario(chain, steps, calendar, movedId, at(newStart),
					busy.stream().map(hour -> TimeRange.of(at(hour), Duration.ofHours(1))).toList());
		}

		/**
		 * A rule from step {@code from} to step {@code to} near their current distance.
		 */
		private static ChainRule rule(List<StepShape> shapes, int from, int to, RuleShape shape) {
			int distance = shapes.get(to).start() - shapes.get(from).start() + shape.drift();
			return new ChainRule(new UUID(0, from + 1), new UUID(0, to + 1), Duration.ofHours(distance),
					Duration.ofHours(shape.tolerance()));
		}

		CascadePlanner.Outcome plan() {
			return new CascadePlanner(calendar).plan(chain, steps, moved, newStart, patientBusy);
		}

		TimeRange target() {
			return steps.get(moved).current().shiftedTo(newStart);
		}

		/**
		 * Whether the step may be at {@code place} on its own account: the moved step
		 * only at its new time, and only if its practitioner is free then; the others
		 * where they are, or (when they can move) in a free slot; never over the
		 * patient's other appointments.
		 */
		boolean mayTake(UUID id, TimeRange place) {
			CascadePlanner.Step step = steps.get(id);
			boolean allowed = id.equals(moved)
					? step.movable() && place.equals(target()) && calendar.isFree(step, place)
					: place.equals(step.current()) || step.movable() && calendar.isFree(step, place);
			return allowed && patientBusy.stream().noneMatch(place::overlaps);
		}

		/**
		 * Every place the step could take, before rules and other steps are considered.
		 */
		List<TimeRange> placesOf(UUID id) {
			List<TimeRange> places = new ArrayList<>(List.of(steps.get(id).current()));
			places.addAll(calendar.freeFor(id));
			if (id.equals(moved)) {
				places = List.of(target());
			}
			return places.stream().distinct().filter(place -> mayTake(id, place)).toList();
		}

		/**
		 * Whether {@code place} is taken for the step: by the patient, by the moved
		 * step's new time, or by a place another step could take.
		 */
		boolean taken(UUID id, TimeRange place) {
			return patientBusy.stream().anyMatch(place::overlaps) || target().overlaps(place)
					|| steps.keySet()
						.stream()
						.filter(other -> !other.equals(id) && !other.equals(moved))
						.anyMatch(other -> placesOf(other).stream().anyMatch(place::overlaps));
		}

		/**
		 * The oracle: whether any placement of every step keeps every rule without
		 * overlaps.
		 */
		boolean anyPlan() {
			return anyPlan(new ArrayList<>(steps.keySet()), new HashMap<>());
		}

		private boolean anyPlan(List<UUID> left, Map<UUID, TimeRange> placed) {
			if (left.isEmpty()) {
				return chain.rules()
					.stream()
					.allMatch(rule -> rule.isSatisfied(placed.get(rule.from()).start(), placed.get(rule.to()).start()));
			}
			UUID id = left.getFirst();
			List<UUID> rest = left.subList(1, left.size());
			for (TimeRange place : placesOf(id)) {
				if (placed.values().stream().noneMatch(place::overlaps)) {
					placed.put(id, place);
					if (anyPlan(rest, placed)) {
						return true;
					}
					placed.remove(id);
				}
			}
			return false;
		}

	}

}
