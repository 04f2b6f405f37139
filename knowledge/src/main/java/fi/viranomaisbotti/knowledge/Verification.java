package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A record of one check of an item against its official source: what was compared, where and
 * when. An item is REVIEWED only with such a record; the reviewed date alone says nothing about
 * whether anyone read the source.
 *
 * @param date the day the source was read
 * @param url the official page read (Finlex section, the authority's page, Suomi.fi)
 * @param checked what the check covered, in a sentence ("the thresholds 250 and 2 000 lihasikaa")
 */
public record Verification(
    @JsonProperty(required = true) LocalDate date,
    @JsonProperty(required = true) String url,
    @JsonProperty(required = true) String checked) {}
