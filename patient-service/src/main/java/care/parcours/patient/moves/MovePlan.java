package care.parcours.patient.moves;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.patient.pathways.PathwayService.BookedStep;

/**
 * What scheduling is asked when a pathway's anchor moves while some of its steps are
 * booked. The root is the booked step nearest the anchor (the anchor itself when booked):
 * it moves by the anchor's shift. Every other booked step is linked to the root at the
 * distance their appointments keep now, give or take the step's tolerance, so the whole
 * pathway moves as its template laid it out around the anchor; a step of no tolerance
 * keeps its distance exactly.
 *
 * @param root the step that moves first
 * @param rootStart where its appointment goes
 * @param links the root to each other booked step
 * @param booked the booked steps, the root first
 */
record MovePlan(BookedStep root, Instant rootStart, List<PathwayMoveRequested.Link> links, List<BookedStep> booked) {

	MovePlan {
		links = List.copyOf(links);
		booked = List.copyOf(booked);
	}

	/** The plan, when any step is booked; none moves nothing in scheduling. */
	static Optional<MovePlan> of(List<BookedStep> booked, Instant previousAnchor, Instant newAnchor) {
		Optional<BookedStep> nearest = booked.stream()
			.min(Comparator.comparing((BookedStep step) -> !step.anchor())
				.thenComparing(step -> Duration.between(previousAnchor, step.start()).abs())
				.thenComparing(BookedStep::start)
				.thenComparing(BookedStep::stepId));
		return nearest.map(root -> {
			List<PathwayMoveRequested.Link> links = new ArrayList<>();
			List<BookedStep> ordered = new ArrayList<>(List.of(root));
			booked.stream()
				.filter(step -> !step.stepId().equals(root.stepId()))
				.sorted(Comparator.comparing(BookedStep::start).thenComparing(BookedStep::stepId))
				.forEach(step -> {
					ordered.add(step);
					links.add(new PathwayMoveRequested.Link(root.bookingId(), step.bookingId(),
							iso(Duration.between(root.start(), step.start())), iso(step.tolerance())));
				});
			Instant rootStart = root.start().plus(Duration.between(previousAnchor, newAnchor));
			return new MovePlan(root, rootStart, links, ordered);
		});
	}

	/**
	 * ISO-8601 as the event's schema spells it: the sign before the P ({@code -PT24H}).
	 */
	static String iso(Duration duration) {
		return duration.isNegative() ? "-" + duration.negated() : duration.toString();
	}

}
