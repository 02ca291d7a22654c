package org.csat.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.csat.nlp.LexiconSentiment.Item;

/**
 * What {@link LexiconSentiment} adds to VADER's rules for support chats, from the phrase lists of
 * {@link ChatLexicon} ({@code conf/sentiment/en.txt}): a support phrase ("still not working", "it
 * works now", "please" as a formula) becomes one item with its own valence, longest phrase first;
 * and in a sarcastic sentence ("yeah right", "thanks for nothing", or a praising opener such as
 * "Great," with a repetition marker such as "another" or "again", unless the sentence also has a
 * positive support phrase) the positive items count as negated. VADER's rules then read the items
 * as they read words.
 */
final class SupportChatLayer {
    /** Words that may stand before a sarcastic opener: "Oh great, ...", "Just perfect, ...". */
    private static final Set<String> OPENER_PREFIXES = Set.of("oh", "just", "so", "well", "wow");

    private final ChatLexicon lexicon;
    private final boolean phrases;

    /** @param phrases whether support phrases are merged (off: every token is its own item, as in VADER) */
    SupportChatLayer(ChatLexicon lexicon, boolean phrases) {
        this.lexicon = lexicon;
        this.phrases = phrases;
    }

    /** Tokens, with every run that forms a support phrase (longest first) merged into one item. */
    List<Item> items(List<String> tokens) {
        List<String> keys = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            keys.add(ChatLexicon.key(token));
        }
        List<Item> items = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            Double valence = null;
            if (phrases) {
                for (int length = Math.min(lexicon.longestPhrase(), tokens.size() - i); length >= 1; length--) {
                    List<String> run = keys.subList(i, i + length);
                    if (run.contains("")) {
                        continue;
                    }
                    valence = lexicon.phrase(String.join(" ", run));
                    if (valence != null) {
                        matched = length;
                        break;
                    }
                }
            }
            if (matched == 0) {
                items.add(new Item(tokens.get(i), tokens.get(i).toLowerCase(Locale.ROOT), null, i, i));
                i++;
            } else {
                String text = String.join(" ", tokens.subList(i, i + matched));
                items.add(new Item(text, text.toLowerCase(Locale.ROOT), valence, i, i + matched - 1));
                i += matched;
            }
        }
        return items;
    }

    /** In each sarcastic sentence, positive items count as negated. */
    void flipSarcasm(List<Item> items, String[] raw, double[] sentiments) {
        int start = 0;
        for (int i = 0; i < items.size(); i++) {
            boolean last =
                    i == items.size() - 1 || endsSentence(raw[items.get(i).lastToken()]);
            if (last) {
                if (sarcastic(items.subList(start, i + 1))) {
                    for (int j = start; j <= i; j++) {
                        sentiments[j] = sentiments[j] > 0 ? sentiments[j] * LexiconSentiment.N_SCALAR : sentiments[j];
                    }
                }
                start = i + 1;
            }
        }
    }

    private boolean sarcastic(List<Item> sentence) {
        List<String> keys = new ArrayList<>();
        boolean supportPraise = false;
        for (Item item : sentence) {
            supportPraise |= item.phraseValence() != null && item.phraseValence() > 0;
            for (String word : item.text().split(" ")) {
                String key = ChatLexicon.key(word);
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        int longest = lexicon.longestMarker();
        int opener = 0;
        while (opener < keys.size() && OPENER_PREFIXES.contains(keys.get(opener))) {
            opener++;
        }
        boolean opens = opener < keys.size() && lexicon.isSarcasticOpener(keys.get(opener));
        for (int i = 0; i < keys.size(); i++) {
            for (int length = 1; length <= longest && i + length <= keys.size(); length++) {
                String run = String.join(" ", keys.subList(i, i + length));
                if (lexicon.isSarcasmCue(run)) {
                    return true;
                }
                if (opens && !supportPraise && i > opener && lexicon.isRepetitionMarker(run)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean endsSentence(String rawToken) {
        String trimmed = rawToken.replaceAll("[\"')\\]]+$", "");
        return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?");
    }
}
