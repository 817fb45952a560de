package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * Plans a cascade: one appointment of a chain moves to a new start, and every other
 * appointment either stays (when the rules still hold) or moves to a free slot of its
 * practitioner within the window the rules allow, as close to the ideal as possible. A
 * depth-first search with backtracking: an early choice that leaves a later step nowhere
 * to go is undone and the next candidate tried. When no plan exists it names the step
 * that could not be placed and why.
 */
public final class CascadePlanner {

	/**
	 * Candidate slots tried per step; the search stays small for the chains pathways
	 * have.
	 */
	static final int CANDIDATES_PER_STEP = 8;

	private static final int MAX_ATTEMPTS = 5_000;

	private final SlotFinder finder;

	public CascadePlanner(SlotFinder finder) {
		this.finder = finder;
	}

	/** An appointment of the chain, as the planner sees it. */
	public record Step(UUID appointmentId, UUID practitionerId, TimeRange current, boolean movable) {

	}

	/** Where the planner may put steps. */
	public interface SlotFinder {

		/**
		 * Whether the step's practitioner, and the resources it needs, can take the step
		 * at {@code during}.
		 */
		boolean isFree(Step step, TimeRange during);

		/**
		 * Free slots for the step starting within {@code starts}, at most {@code limit}.
		 */
		List<TimeRange> freeSlots(Step step, TimeRange starts, int limit);

	}

	public sealed interface Outcome {

	}

	/** Where every step goes; steps whose time does not change are in it too. */
	public record Plan(Map<UUID, TimeRange> placements) implements Outcome {

	}

	/** No plan: the step that could not be placed, where it had to go, and why. */
	public record Impossible(UUID step, @Nullable TimeRange window, String reason) implements Outcome {

	}

	public Outcome plan(AppointmentChain chain, Map<UUID, Step> steps, UUID moved, Instant newStart,
			List<TimeRange> patientBusy) {
		Step first = steps.get(moved);
		TimeRange target = first.current().shiftedTo(newStart);
		if (!first.movable()) {
			return new Impossible(moved, null, "it has already started or is no longer booked");
		}
		if (!finder.isFree(first, target) || overlapsAny(target, patientBusy)) {
			return new Impossible(moved, target,
					"its practitioner, or a resource it needs, is not available then, or the patient is busy");
		}
		Search search = new Search(chain, steps, order(chain, moved), patientBusy);
		search.placed.put(moved, target);
		return search.place(1) ? new Plan(Map.copyOf(search.placed)) : search.failure();
	}

	/**
	 * Breadth-first from the moved step: each step is placed after one it is linked to.
	 */
	private static List<UUID> order(AppointmentChain chain, UUID moved) {
		List<UUID> order = new ArrayList<>();
		Deque<UUID> queue = new ArrayDeque<>(List.of(moved));
		while (!queue.isEmpty()) {
			UUID next = queue.removeFirst();
			if (order.contains(next)) {
				continue;
			}
			order.add(next);
			chain.rulesOf(next).forEach(rule -> queue.addLast(rule.other(next)));
		}
		return order;
	}

	private final class Search {

		private final AppointmentChain chain;

		private final Map<UUID, Step> steps;

		private final List<UUID> order;

		private final List<TimeRange> patientBusy;

		private final Map<UUID, TimeRange> placed = new LinkedHashMap<>();

		private @Nullable Impossible deepest;

		private int deepestIndex = -1;

		private int attempts;

		Search(AppointmentChain chain, Map<UUID, Step> steps, List<UUID> order, List<TimeRange> patientBusy) {
			this.chain = chain;
			this.steps = steps;
			this.order = order;
			this.patientBusy = patientBusy;
		}

		boolean place(int index) {
			if (index == order.size()) {
				return true;
			}
			if (++attempts > MAX_ATTEMPTS) {
				fail(index, null, "the search gave up after " + MAX_ATTEMPTS + " attempts");
				return false;
			}
			UUID id = order.get(index);
			Step step = steps.get(id);
			Window window = window(id);
			if (window == null) {
				fail(index, null, "the rules linking it to the steps already placed contradict each other");
				return false;
			}
			for (TimeRange candidate : candidates(step, window)) {
				placed.put(id, candidate);
				if (place(index + 1)) {
					return true;
				}
				placed.remove(id);
			}
			if (!deepestAt(index)) {
				String duration = step.current().length().toMinutes() + "-minute";
				fail(index, window.starts(),
						step.movable() ? "its practitioner has no free " + duration
								+ " slot starting in the window the rules allow (or every one conflicts with the steps"
								+ " after it)"
								: "it cannot move (it has already started or is no longer booked) and the"
										+ " rules no longer hold");
			}
			return false;
		}

		private List<TimeRange> candidates(Step step, Window window) {
			List<TimeRange> candidates = new ArrayList<>();
			if (window.starts().contains(step.current().start()) && fits(step.current())) {
				candidates.add(step.current());
			}
			if (!step.movable()) {
				return candidates;
			}
			nearIdeal(step, window).stream()
				.filter(this::fits)
				.filter(slot -> !slot.equals(step.current()))
				.sorted(Comparator.comparing(slot -> Duration.between(window.ideal(), slot.start()).abs()))
				.limit(CANDIDATES_PER_STEP)
				.forEach(candidates::add);
			return candidates;
		}

		/**
		 * Free slots on both sides of the ideal start: the finder answers earliest first,
		 * so asking it for the whole window would offer only its first hours, and a step
		 * whose ideal time is free would land hours away from it.
		 */
		private List<TimeRange> nearIdeal(Step step, Window window) {
			TimeRange starts = window.starts();
			Instant ideal = window.ideal().isBefore(starts.start()) ? starts.start()
					: window.ideal().isAfter(starts.end()) ? starts.end() : window.ideal();
			int fetch = CANDIDATES_PER_STEP * 3;
			List<TimeRange> near = new ArrayList<>();
			if (ideal.isBefore(starts.end())) {
				near.addAll(finder.freeSlots(step, new TimeRange(ideal, starts.end()), fetch));
			}
			Instant reach = ideal.minus(step.current().length().multipliedBy(fetch));
			Instant from = reach.isAfter(starts.start()) ? reach : starts.start();
			if (from.isBefore(ideal)) {
				near.addAll(finder.freeSlots(step, new TimeRange(from, ideal), fetch));
			}
			return near;
		}

		/**
		 * The intersection of the windows of the rules linking the step to placed steps.
		 */
		private @Nullable Window window(UUID id) {
			Instant start = Instant.MIN;
			Instant end = Instant.MAX;
			Instant ideal = null;
			for (ChainRule rule : chain.rulesOf(id)) {
				UUID other = rule.other(id);
				TimeRange at = placed.get(other);
				if (at == null) {
					continue;
				}
				TimeRange allowed = rule.windowFor(other, at.start());
				start = allowed.start().isAfter(start) ? allowed.start() : start;
				end = allowed.end().isBefore(end) ? allowed.end() : end;
				ideal = ideal == null ? rule.idealFor(other, at.start()) : ideal;
			}
			return ideal == null || !start.isBefore(end) ? null : new Window(new TimeRange(start, end), ideal);
		}

		/**
		 * A slot fits when it collides with no placed step of the same practitioner or
		 * patient.
		 */
		private boolean fits(TimeRange slot) {
			return !overlapsAny(slot, List.copyOf(placed.values())) && !overlapsAny(slot, patientBusy);
		}

		private boolean deepestAt(int index) {
			return deepestIndex > index;
		}

		private void fail(int index, @Nullable TimeRange window, String reason) {
			if (index > deepestIndex) {
				deepestIndex = index;
				deepest = new Impossible(order.get(index), window, reason);
			}
		}

		Impossible failure() {
			return deepest != null ? deepest : new Impossible(order.getFirst(), null, "no plan exists");
		}

	}

	private record Window(TimeRange starts, Instant ideal) {

	}

	private static boolean overlapsAny(TimeRange slot, List<TimeRange> others) {
		return others.stream().anyMatch(slot::overlaps);
	}

}
