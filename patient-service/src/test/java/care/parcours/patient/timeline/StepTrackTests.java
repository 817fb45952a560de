package care.parcours.patient.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import care.parcours.patient.timeline.StepOutcome.Broken;
import care.parcours.patient.timeline.StepOutcome.Broken.Cause;
import care.parcours.patient.timeline.StepOutcome.Done;
import care.parcours.patient.timeline.StepOutcome.Scheduled;
import care.parcours.patient.timeline.StepOutcome.Unbooked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class StepTrackTests {

	static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

	static final Instant MONDAY = Instant.parse("2027-01-04T09:00:00Z");

	static final Instant TUESDAY = MONDAY.plus(Duration.ofDays(1));

	static final Instant WEDNESDAY = MONDAY.plus(Duration.ofDays(2));

	static final UUID HOLD = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final UUID APPOINTMENT = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	/** A fact of its source's version, in the order scheduling made them. */
	record News(StepFact fact, long version, Instant at) {

	}

	/** Facts in the order scheduling made them, an hour apart. */
	static List<News> story(Object... factsAndVersions) {
		List<News> story = new ArrayList<>();
		for (int i = 0; i < factsAndVersions.length; i += 2) {
			story.add(new News((StepFact) factsAndVersions[i], ((Number) factsAndVersions[i + 1]).longValue(),
					T0.plus(Duration.ofHours(i / 2))));
		}
		return story;
	}

	static StepTrack fold(List<News> news) {
		StepTrack track = StepTrack.empty();
		for (News item : news) {
			track = track.fold(item.fact(), item.version(), item.at()).track();
		}
		return track;
	}

	/** The stories of a step, each with where it leaves the step. */
	static Stream<Arguments> stories() {
		return Stream.of(
				Arguments.of("a hold confirmed in place, moved, attended and completed",
						story(new StepFact.Held(HOLD, MONDAY), 0, new StepFact.HoldConfirmed(HOLD), 1,
								new StepFact.Booked(HOLD, MONDAY, HOLD), 1, new StepFact.Rescheduled(HOLD, TUESDAY), 2,
								new StepFact.CheckedIn(HOLD), 3, new StepFact.Completed(HOLD), 4),
						new Done(HOLD, T0.plus(Duration.ofHours(5)))),
				Arguments.of("an appointment moved twice",
						story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0,
								new StepFact.Rescheduled(APPOINTMENT, TUESDAY), 1,
								new StepFact.Rescheduled(APPOINTMENT, WEDNESDAY), 2),
						new Scheduled(APPOINTMENT, WEDNESDAY, false)),
				Arguments.of("an appointment attended, not yet completed",
						story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0, new StepFact.CheckedIn(APPOINTMENT),
								1),
						new Scheduled(APPOINTMENT, MONDAY, true)),
				Arguments.of("an appointment cancelled",
						story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0,
								new StepFact.Cancelled(APPOINTMENT, MONDAY), 1),
						new Broken(APPOINTMENT, Cause.APPOINTMENT_CANCELLED)),
				Arguments.of("an appointment missed",
						story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0,
								new StepFact.Missed(APPOINTMENT, MONDAY), 1),
						new Broken(APPOINTMENT, Cause.APPOINTMENT_NO_SHOW)),
				Arguments.of("a hold that lapsed",
						story(new StepFact.Held(HOLD, MONDAY), 0, new StepFact.HoldReleased(HOLD), 1), new Unbooked()),
				Arguments.of("a cancelled appointment replaced by another",
						story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0,
								new StepFact.Cancelled(APPOINTMENT, MONDAY), 1, new StepFact.Held(OTHER, TUESDAY), 0,
								new StepFact.HoldConfirmed(OTHER), 1, new StepFact.Booked(OTHER, TUESDAY, OTHER), 1),
						new Scheduled(OTHER, TUESDAY, false)),
				Arguments.of("a hold confirmed by an appointment of another id, then cancelled",
						story(new StepFact.Held(HOLD, MONDAY), 0, new StepFact.Booked(APPOINTMENT, MONDAY, HOLD), 0,
								new StepFact.HoldConfirmed(HOLD), 1, new StepFact.Cancelled(APPOINTMENT, MONDAY), 1),
						new Broken(APPOINTMENT, Cause.APPOINTMENT_CANCELLED)),
				Arguments.of("a lapsed hold, then a booking",
						story(new StepFact.Held(HOLD, MONDAY), 0, new StepFact.HoldReleased(HOLD), 1,
								new StepFact.Booked(APPOINTMENT, TUESDAY, null), 0),
						new Scheduled(APPOINTMENT, TUESDAY, false)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("stories")
	void aStoryToldInOrderLeavesTheStepWhereItEnds(String story, List<News> news, StepOutcome expected) {
		assertThat(fold(news).outcome()).isEqualTo(expected);
	}

	/** Each story shuffled by twenty seeds. */
	static Stream<Arguments> shuffledStories() {
		return stories().flatMap(story -> IntStream.rangeClosed(1, 20)
			.mapToObj(seed -> Arguments.of(story.get()[0], seed, story.get()[1], story.get()[2])));
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("shuffledStories")
	void aStoryToldInAnyOrderLeavesTheStepWhereItEndsInOrder(String story, long seed, List<News> news,
			StepOutcome expected) {
		List<News> shuffled = new ArrayList<>(news);
		Collections.shuffle(shuffled, new Random(seed));

		assertThat(fold(shuffled).outcome()).isEqualTo(expected);
		assertThat(fold(shuffled)).isEqualTo(fold(news));
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("shuffledStories")
	void aStoryToldTwiceInAnyOrderLeavesTheStepWhereItEndsOnce(String story, long seed, List<News> news,
			StepOutcome expected) {
		List<News> twice = new ArrayList<>(news);
		twice.addAll(news);
		Collections.shuffle(twice, new Random(seed));

		assertThat(fold(twice).outcome()).isEqualTo(expected);
		assertThat(fold(twice)).isEqualTo(fold(news));
	}

	@Test
	void anOlderFactIsNoNewsAndNeverRollsTheStepBack() {
		StepTrack moved = fold(story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0,
				new StepFact.Rescheduled(APPOINTMENT, TUESDAY), 1));

		StepTrack.Folded late = moved.fold(new StepFact.Rescheduled(APPOINTMENT, WEDNESDAY), 0, T0.minusSeconds(60));

		assertThat(late.applied()).isFalse();
		assertThat(late.track().outcome()).isEqualTo(new Scheduled(APPOINTMENT, TUESDAY, false));
	}

	@Test
	void theSameFactRepublishedAtTheSameVersionIsNoNews() {
		StepTrack cancelled = fold(story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0,
				new StepFact.Cancelled(APPOINTMENT, MONDAY), 1));

		StepTrack.Folded again = cancelled.fold(new StepFact.Cancelled(APPOINTMENT, MONDAY), 1,
				T0.plus(Duration.ofHours(1)));

		assertThat(again.applied()).isFalse();
		assertThat(again.track()).isEqualTo(cancelled);
	}

	@Test
	void aCompletionArrivingFirstCompletesTheStepAndItsStartIsLearntFromTheBookingAfter() {
		StepTrack.Folded completed = StepTrack.empty().fold(new StepFact.Completed(APPOINTMENT), 3, T0);
		StepTrack.Folded booked = completed.track().fold(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0, T0);

		assertThat(completed.track().outcome()).isEqualTo(new Done(APPOINTMENT, T0));
		assertThat(booked.applied()).as("the start was news").isTrue();
		assertThat(booked.track().source(APPOINTMENT)).hasValueSatisfying(source -> {
			assertThat(source.state()).isEqualTo(StepTrack.State.COMPLETED);
			assertThat(source.start()).isEqualTo(MONDAY);
		});
	}

	@Test
	void aCheckInArrivingBeforeTheBookingKeepsTheStepScheduledAtTheBookedStart() {
		StepTrack track = fold(List.of(new News(new StepFact.CheckedIn(APPOINTMENT), 1, T0),
				new News(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0, T0.minusSeconds(3600))));

		assertThat(track.outcome()).isEqualTo(new Scheduled(APPOINTMENT, MONDAY, true));
	}

	@Test
	void theBookingThatConfirmsAHoldInPlaceCountsAtTheVersionOfTheConfirmation() {
		StepTrack confirmed = fold(story(new StepFact.Held(HOLD, MONDAY), 0, new StepFact.HoldConfirmed(HOLD), 1));

		StepTrack.Folded booked = confirmed.fold(new StepFact.Booked(HOLD, MONDAY, HOLD), 1, T0);

		assertThat(confirmed.outcome()).as("a hold being confirmed still holds the time")
			.isEqualTo(new Scheduled(HOLD, MONDAY, false));
		assertThat(booked.applied()).isTrue();
		assertThat(booked.track().source(HOLD).orElseThrow().state()).isEqualTo(StepTrack.State.BOOKED);
	}

	@Test
	void anAppointmentOutweighsAHoldMadeLaterForTheSameStep() {
		StepTrack track = fold(
				story(new StepFact.Booked(APPOINTMENT, MONDAY, null), 0, new StepFact.Held(HOLD, TUESDAY), 0));

		assertThat(track.outcome()).isEqualTo(new Scheduled(APPOINTMENT, MONDAY, false));
	}

}
