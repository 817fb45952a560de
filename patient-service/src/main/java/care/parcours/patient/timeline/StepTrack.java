package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the holds and appointments made for one step have come to, folded from their news
 * so that neither its order nor its repetition matters. Each source keeps the state its
 * highest version said and, apart, the start its highest version naming one said: an
 * older fact, or the same fact again (redelivered, or re-published under a new id), never
 * rolls it back. The step's {@link #outcome()} is read from every source together, so it
 * is the same whichever order the facts came in.
 *
 * @param sources the holds and appointments made for the step, by id
 */
record StepTrack(Map<UUID, Source> sources) {

	/** Before any version of a source is known (a hold known only as confirmed). */
	static final long UNKNOWN = -1;

	StepTrack {
		sources = Map.copyOf(sources);
	}

	static StepTrack empty() {
		return new StepTrack(Map.of());
	}

	/** Where a source stands. */
	enum State {

		HELD, CONFIRMED, RELEASED, BOOKED, CHECKED_IN, COMPLETED, CANCELLED, MISSED;

		boolean holdsTime() {
			return this == HELD || this == CONFIRMED || this == BOOKED || this == CHECKED_IN;
		}

		boolean ended() {
			return this == RELEASED || this == CANCELLED || this == MISSED;
		}

		/**
		 * An appointment holds time more surely than a hold being confirmed, or a hold.
		 */
		int weight() {
			return switch (this) {
				case BOOKED, CHECKED_IN -> 2;
				case CONFIRMED -> 1;
				default -> 0;
			};
		}

	}

	/**
	 * One hold or appointment made for the step.
	 *
	 * @param state what its highest version said
	 * @param version that version ({@link #UNKNOWN} if only superseded so far)
	 * @param start the start its highest version naming one said
	 * @param startVersion that version
	 * @param since the earliest time of any of its news: which source came last
	 * @param changedAt the time of the news that set {@code state}
	 * @param superseded whether an appointment confirmed it (a hold): it no longer counts
	 */
	record Source(UUID id, State state, long version, @Nullable Instant start, long startVersion, Instant since,
			Instant changedAt, boolean superseded) {

		boolean counts(State... states) {
			if (superseded) {
				return false;
			}
			for (State candidate : states) {
				if (candidate == state) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The track after a fact.
	 *
	 * @param applied whether the fact was news (newer than what the track knew of its
	 * source); an older fact or a repeated one leaves the track as it was
	 */
	record Folded(StepTrack track, boolean applied) {

	}

	/** Folds one fact, of its source's {@code version}, that happened {@code at}. */
	Folded fold(StepFact fact, long version, Instant at) {
		Map<UUID, Source> next = new HashMap<>(sources);
		boolean applied = false;
		if (fact instanceof StepFact.Booked booked && booked.holdId() != null
				&& !booked.holdId().equals(booked.source())) {
			applied = supersede(next, booked.holdId(), at);
		}
		Source current = sources.get(fact.source());
		Source folded = (current == null) ? first(fact, version, at) : after(current, fact, version, at);
		next.put(fact.source(), folded);
		boolean news = current == null || current.version() != folded.version() || current.state() != folded.state()
				|| current.startVersion() != folded.startVersion();
		return new Folded(new StepTrack(next), applied || news);
	}

	/** Where the step stands, from all its sources. */
	StepOutcome outcome() {
		Optional<Source> done = latest(State.COMPLETED);
		if (done.isPresent()) {
			return new StepOutcome.Done(done.get().id(), done.get().changedAt());
		}
		Optional<Source> holding = sources.values()
			.stream()
			.filter(source -> !source.superseded() && source.state().holdsTime())
			.max(Comparator.comparingInt((Source source) -> source.state().weight())
				.thenComparing(Source::since)
				.thenComparing(Source::id));
		if (holding.isPresent()) {
			Source source = holding.get();
			return new StepOutcome.Scheduled(source.id(), source.start(), source.state() == State.CHECKED_IN);
		}
		return latest(State.RELEASED, State.CANCELLED, State.MISSED)
			.<StepOutcome>map(source -> switch (source.state()) {
				case CANCELLED -> new StepOutcome.Broken(source.id(), StepOutcome.Broken.Cause.APPOINTMENT_CANCELLED);
				case MISSED -> new StepOutcome.Broken(source.id(), StepOutcome.Broken.Cause.APPOINTMENT_NO_SHOW);
				default -> new StepOutcome.Unbooked();
			})
			.orElseGet(StepOutcome.Unbooked::new);
	}

	/** The source known by this id, if any news named it. */
	Optional<Source> source(UUID id) {
		return Optional.ofNullable(sources.get(id));
	}

	private Optional<Source> latest(State... states) {
		return sources.values()
			.stream()
			.filter(source -> source.counts(states))
			.max(Comparator.comparing(Source::changedAt).thenComparing(Source::id));
	}

	private static boolean supersede(Map<UUID, Source> sources, UUID hold, Instant at) {
		Source current = sources.get(hold);
		if (current != null && current.superseded()) {
			return false;
		}
		sources.put(hold,
				(current == null) ? new Source(hold, State.CONFIRMED, UNKNOWN, null, UNKNOWN, at, at, true)
						: new Source(hold, current.state(), current.version(), current.start(), current.startVersion(),
								current.since(), current.changedAt(), true));
		return true;
	}

	private static Source first(StepFact fact, long version, Instant at) {
		Instant start = fact.start();
		return new Source(fact.source(), stateAfter(fact), version, start, (start == null) ? UNKNOWN : version, at, at,
				false);
	}

	private static Source after(Source source, StepFact fact, long version, Instant at) {
		Instant since = at.isBefore(source.since()) ? at : source.since();
		boolean newer = version > source.version() || (version == source.version() && source.state() == State.CONFIRMED
				&& fact instanceof StepFact.Booked);
		State state = newer ? stateAfter(fact) : source.state();
		long stateVersion = newer ? version : source.version();
		Instant changedAt = newer ? at : source.changedAt();
		Instant start = fact.start();
		boolean newerStart = start != null && version > source.startVersion();
		return new Source(source.id(), state, stateVersion, newerStart ? start : source.start(),
				newerStart ? version : source.startVersion(), since, changedAt, source.superseded());
	}

	private static State stateAfter(StepFact fact) {
		return switch (fact) {
			case StepFact.Held held -> State.HELD;
			case StepFact.HoldConfirmed confirmed -> State.CONFIRMED;
			case StepFact.HoldReleased released -> State.RELEASED;
			case StepFact.Booked booked -> State.BOOKED;
			case StepFact.Rescheduled rescheduled -> State.BOOKED;
			case StepFact.CheckedIn checkedIn -> State.CHECKED_IN;
			case StepFact.Completed completed -> State.COMPLETED;
			case StepFact.Cancelled cancelled -> State.CANCELLED;
			case StepFact.Missed missed -> State.MISSED;
		};
	}

}
