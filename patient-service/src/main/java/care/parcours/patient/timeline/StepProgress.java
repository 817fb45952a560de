package care.parcours.patient.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.patient.pathways.AlertKind;
import care.parcours.patient.pathways.PathwayService;
import care.parcours.patient.pathways.PathwayService.Progress;
import care.parcours.platform.consumer.EventMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes a scheduling event made for a pathway's step: folds it into the step's track,
 * moves the step when the track's outcome changed (through the pathway, which checks the
 * step's own rules and announces the change), and records the fact on the timeline. Runs
 * in the consumer's transaction, with the pathway locked.
 */
@Component
class StepProgress {

	private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

	private final PathwayService pathways;

	private final PathwayLocks locks;

	private final StepTracks tracks;

	private final TimelineEntries timeline;

	private final Clock clock;

	StepProgress(PathwayService pathways, PathwayLocks locks, StepTracks tracks, TimelineEntries timeline,
			Clock clock) {
		this.pathways = pathways;
		this.locks = locks;
		this.tracks = tracks;
		this.timeline = timeline;
		this.clock = clock;
	}

	void take(SchedulingEvent event, EventMetadata metadata) {
		String pathway = metadata.pathwayId();
		Optional<StepNews> found = (pathway == null) ? Optional.empty() : StepNews.of(event);
		if (pathway == null || found.isEmpty()) {
			return;
		}
		StepNews news = found.get();
		UUID pathwayId = UUID.fromString(pathway);
		if (!locks.lock(pathwayId)) {
			log.debug("Event {} names pathway {}, unknown here: ignored", metadata.id(), pathwayId);
			return;
		}
		boolean known = pathways.find(pathwayId).flatMap(candidate -> candidate.step(news.stepId())).isPresent();
		StepFact fact = news.fact();
		if (!known || fact == null) {
			record(pathwayId, news, metadata, false, null);
			return;
		}
		StepTrack before = tracks.of(news.stepId());
		StepTrack.Folded folded = before.fold(fact, metadata.aggregateVersion(), metadata.time());
		tracks.save(news.stepId(), before, folded.track());
		StepOutcome was = before.outcome();
		StepOutcome now = folded.track().outcome();
		String status = now.equals(was) ? null : steer(pathwayId, news.stepId(), was, now, metadata.time());
		record(pathwayId, news, metadata, folded.applied(), status);
	}

	/**
	 * Moves the step to the outcome: the status it took, if the pathway took the change.
	 */
	private @Nullable String steer(UUID pathwayId, UUID stepId, StepOutcome was, StepOutcome now, Instant at) {
		Progress progress = switch (now) {
			case StepOutcome.Scheduled scheduled when scheduled.start() != null ->
				pathways.scheduleStep(pathwayId, stepId, scheduled.source(), scheduled.start(), at);
			case StepOutcome.Scheduled checkedInBeforeBooked -> null;
			case StepOutcome.Done done -> pathways.completeStep(pathwayId, stepId, done.source(), at);
			case StepOutcome.Broken broken -> breakStep(pathwayId, stepId, broken, at);
			case StepOutcome.Unbooked unbooked -> (was instanceof StepOutcome.Scheduled scheduled)
					? pathways.releaseStep(pathwayId, stepId, scheduled.source(), at) : null;
		};
		if (progress instanceof Progress.Applied applied) {
			return applied.pathway().step(stepId).map(step -> step.status().name()).orElse(null);
		}
		if (progress instanceof Progress.Ignored ignored) {
			log.debug("Step {} of pathway {} stays as it is: {}", stepId, pathwayId, ignored.reason());
		}
		return null;
	}

	/** A step still needed loses its appointment: broken, and a coordinator alerted. */
	private Progress breakStep(UUID pathwayId, UUID stepId, StepOutcome.Broken broken, Instant at) {
		Progress progress = pathways.breakStep(pathwayId, stepId, broken.source(), broken.cause().reason(), at);
		if (progress instanceof Progress.Applied) {
			pathways.raiseAlert(pathwayId, stepId, AlertKind.valueOf(broken.cause().name()), at);
		}
		return progress;
	}

	private void record(UUID pathwayId, StepNews news, EventMetadata metadata, boolean applied,
			@Nullable String status) {
		timeline.add(new TimelineEntry(UUID.randomUUID(), pathwayId, news.stepId(), news.what(), metadata.time(),
				clock.instant(), metadata.id(), metadata.type(), metadata.subject(), metadata.aggregateVersion(),
				applied, status, news.details()));
	}

}
