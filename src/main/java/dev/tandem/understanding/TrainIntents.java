package dev.tandem.understanding;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Takes a CSV of intent examples ({@code text,label}), checks it, stores it and queues its training
 * in the background. The model in use stays until the new one is ready.
 */
@Service
public class TrainIntents {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final IntentSetRepository sets;
    private final IntentTraining training;
    private final Clock clock;

    TrainIntents(IntentSetRepository sets, IntentTraining training) {
        this.sets = sets;
        this.training = training;
        this.clock = Clock.systemUTC();
    }

    /**
     * @return the id of the stored set, whose training has been queued
     * @throws org.springframework.web.ErrorResponseException 400 naming what is wrong with the file
     */
    public UUID upload(String fileName, byte[] csv, String uploadedBy) {
        List<IntentExample> examples;
        try {
            examples = IntentCsv.read(new StringReader(utf8(csv)));
            IntentRules.check(examples);
        } catch (IntentCsv.InvalidCsv invalid) {
            throw IntentProblems.invalid(invalid.getMessage());
        }
        String name = fileName == null || fileName.isBlank() ? "intents.csv" : fileName.strip();
        var set = new IntentSet(IDS.generate(), name.length() > 255 ? name.substring(0, 255) : name, uploadedBy,
                clock.instant().truncatedTo(ChronoUnit.MICROS), examples.size(),
                (int) examples.stream().map(IntentExample::label).distinct().count(), IntentSet.Status.QUEUED, null,
                0, 0, null, null, null, null, null, null);
        sets.insert(set, examples);
        training.submit(set.id());
        return set.id();
    }

    /** Whether any set was ever stored (the configured and demo intents are only loaded into an empty store). */
    public boolean hasIntentSets() {
        return !sets.isEmpty();
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw IntentProblems.invalid("the file is not UTF-8 text; save it as CSV UTF-8");
        }
    }
}
