package dev.tandem.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/intents")
@Tag(name = "Admin: intents", description = "Intent classification: upload examples, follow training, classify (ADMIN only)")
class AdminIntentsApi {

    private final TrainIntents trainIntents;
    private final IntentSets sets;
    private final ClassifyIntent classifyIntent;

    AdminIntentsApi(TrainIntents trainIntents, IntentSets sets, ClassifyIntent classifyIntent) {
        this.trainIntents = trainIntents;
        this.sets = sets;
        this.classifyIntent = classifyIntent;
    }

    record ProgressJson(String phase, int done, int total, int percent) {
    }

    record LabelJson(String label, int examples) {
    }

    record IntentSetJson(UUID id, String fileName, String uploadedBy, Instant uploadedAt, int examples, int labels,
            String status, boolean inUse, ProgressJson progress, String failure, Double heldOutAccuracy,
            Integer heldOutExamples, Long trainingMillis, Instant trainedAt, Integer modelBytes,
            List<LabelJson> labelCounts) {

        static IntentSetJson of(IntentSets.View view) {
            IntentSet s = view.set();
            return new IntentSetJson(s.id(), s.fileName(), s.uploadedBy(), s.uploadedAt(), s.exampleCount(),
                    s.labelCount(), s.status().name(), view.inUse(),
                    new ProgressJson(s.phase(), s.progressDone(), s.progressTotal(), s.percentDone()), s.failure(),
                    s.heldOutAccuracy(), s.heldOutCount(), s.trainingMillis(), s.trainedAt(), s.modelBytes(),
                    view.labels().stream().map(l -> new LabelJson(l.label(), l.examples())).toList());
        }
    }

    record ClassifyRequest(String text) {
    }

    record IntentJson(String label, double confidence, boolean outOfScope) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a text,label CSV; answers 202 and trains in the background",
            description = "Header text,label; RFC 4180 quoting; UTF-8. At least two intent labels, each with at least "
                    + "5 examples; a label 'oos' or 'out_of_scope' marks messages that match no intent. The model in "
                    + "use stays until the new one is ready. A 400 problem names what is wrong with the file.")
    ResponseEntity<IntentSetJson> upload(@RequestPart("file") MultipartFile file, Principal user) {
        UUID id;
        try {
            id = trainIntents.upload(file.getOriginalFilename(), file.getBytes(), user.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/intents/" + id)).body(status(id));
    }

    @GetMapping
    @Operation(summary = "The intent sets, newest first, with their training status; which one is in use")
    List<IntentSetJson> list() {
        return sets.recent(20).stream().map(IntentSetJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One intent set: training phase and progress, held-out accuracy, labels with their counts")
    IntentSetJson status(@PathVariable UUID id) {
        return sets.find(id).map(IntentSetJson::of)
            .orElseThrow(() -> IntentProblems.notFound("No intent set with id " + id + "."));
    }

    @PostMapping("/classify")
    @Operation(summary = "Classify a message with the model in use; 409 while no model has been trained")
    IntentJson classify(@RequestBody ClassifyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw IntentProblems.invalid("text is required.");
        }
        if (request.text().length() > IntentRules.MAX_TEXT) {
            throw IntentProblems.invalid("text may have at most " + IntentRules.MAX_TEXT + " characters.");
        }
        Intent intent = classifyIntent.classify(request.text())
            .orElseThrow(() -> IntentProblems.notReady("No intent model is trained yet: upload intents first, or wait "
                    + "for the training to finish."));
        return new IntentJson(intent.label(), intent.confidence(), intent.outOfScope());
    }
}
