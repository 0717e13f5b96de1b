import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.PrintWriter;

import org.strata.runtime.internal.BertCharClasses;

/**
 * Dev-time only (see unicode_overrides.py): prints, for every code point, the BERT character classes
 * the JDK's own Unicode tables give (bits: 1 control, 2 punctuation, 4 non-spacing mark).
 */
public class UnicodeClassDump {
    public static void main(String[] args) throws Exception {
        try (var out = new PrintWriter(new BufferedWriter(new FileWriter(args[0])))) {
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                    out.println(Integer.toHexString(cp) + " " + BertCharClasses.jdkClasses(cp));
                }
            }
        }
    }
}
