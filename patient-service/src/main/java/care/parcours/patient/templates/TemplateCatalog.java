package care.parcours.patient.templates;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.problem.ConstraintProblems;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates templates, publishes their versions and reads them; what pathways are opened
 * from.
 */
@Service
public class TemplateCatalog {

	private final PathwayTemplates templates;

	private final Clock clock;

	TemplateCatalog(PathwayTemplates templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	@Transactional
	PathwayTemplate create(String code, boolean sample, LocalizedNames names, List<TemplateStep> steps, String by) {
		PathwayTemplate template = PathwayTemplate.create(UUID.randomUUID(), code, sample, names, steps, by,
				clock.instant());
		ConstraintProblems.attempting(template);
		templates.add(template);
		return template;
	}

	/** A new version, over the latest the publisher read ({@code If-Match}). */
	@Transactional
	PathwayTemplate publish(UUID id, ExpectedVersion expected, LocalizedNames names, List<TemplateStep> steps,
			String by) {
		PathwayTemplate latest = latest(id);
		expected.requireCurrent("Template " + id, latest.version());
		PathwayTemplate next = latest.publish(names, steps, by, clock.instant());
		templates.publish(next);
		return next;
	}

	/**
	 * The version asked for, or the latest.
	 * @throws TemplateNotFound when there is no such template or version
	 */
	public PathwayTemplate get(UUID id, @Nullable Integer version) {
		if (version == null) {
			return latest(id);
		}
		return templates.version(id, version).orElseThrow(() -> new TemplateNotFound(id, version));
	}

	PathwayTemplate latest(UUID id) {
		return templates.latest(id).orElseThrow(() -> new TemplateNotFound(id, null));
	}

	Page<PathwayTemplate> list(PageQuery page) {
		return templates.list(page);
	}

	/** No template has the id, or it has no such version. */
	public static final class TemplateNotFound extends NotFoundException {

		TemplateNotFound(UUID id, @Nullable Integer version) {
			super(version == null ? "template-not-found" : "template-version-not-found",
					version == null ? "No pathway template has the id " + id + "."
							: "Pathway template " + id + " has no version " + version + ".");
		}

	}

}
