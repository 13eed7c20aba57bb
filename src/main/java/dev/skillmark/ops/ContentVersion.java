package dev.skillmark.ops;

import java.util.Optional;

/** A content version as attempts record it: the catalog's hash, and the git commit when content/ is in git. */
record ContentVersion(String hash, Optional<String> commit) {

    private static final String GIT = " git:";

    static ContentVersion of(String version) {
        int git = version.indexOf(GIT);
        return git < 0 ? new ContentVersion(version.strip(), Optional.empty())
                : new ContentVersion(version.substring(0, git).strip(), Optional.of(version.substring(git + GIT.length()).strip()));
    }
}
