package care.parcours.patient.notes;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.patient.notes.ClinicalNotes.Note;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients/{patientId}/notes")
@Tag(name = "Clinical notes",
		description = "Free-text notes, sealed with the patient's data key; every write and " + "read audited")
@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
class NoteController {

	/** The longest note, in characters: a long consultation letter. */
	static final int MAX_TEXT = 20_000;

	private final ClinicalNotes notes;

	NoteController(ClinicalNotes notes) {
		this.notes = notes;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@Operation(summary = "Write a clinical note",
			description = "Stores the text sealed with the patient's data key, bound to the patient and to the "
					+ "note; the author is the caller. A refused text is never quoted back.")
	ResponseEntity<NoteView> write(@PathVariable UUID patientId, @Valid @RequestBody NoteForm form, Accessor accessor) {
		Note note = notes.write(patientId, form.text(), accessor);
		return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/notes")).body(NoteView.of(note));
	}

	@GetMapping
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "List a patient's clinical notes",
			description = "The latest first, texts opened. Audited (one row per page read).")
	Page<NoteView> list(@PathVariable UUID patientId, PageQuery page, Accessor accessor) {
		return notes.list(patientId, page, accessor).map(NoteView::of);
	}

	/** A note to write. */
	record NoteForm(@NotBlank @Size(max = MAX_TEXT) String text) {

		@Override
		public String toString() {
			return "NoteForm[text=(hidden)]";
		}

	}

	/** A note as read. */
	record NoteView(UUID id, String text, String author, Instant writtenAt) {

		static NoteView of(Note note) {
			return new NoteView(note.id(), note.text(), note.author(), note.writtenAt());
		}

		@Override
		public String toString() {
			return "NoteView[id=" + id + ", author=" + author + ", writtenAt=" + writtenAt + "]";
		}

	}

}
