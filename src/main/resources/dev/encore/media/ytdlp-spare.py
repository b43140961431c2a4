# A yt-dlp started ahead of time (dev.encore.media.YtDlpSpare). Started as
#   <the script's interpreter> -s -c <this file> <the yt-dlp script>
# it pays the interpreter's start and yt-dlp's imports while nothing waits for it, then reads one
# run from its standard input (JSON: working directory, environment, arguments) and runs the script
# itself with those arguments, exactly as if the script had been started with them: what runs is the
# script's own code, the warm-up only fills caches.
import sys

# `-c` puts the current directory first on the module path; a script's run puts the script's
# directory (or the zipapp itself) there instead, so nothing is imported from where we were started
if sys.path and sys.path[0] == '':
    del sys.path[0]

import json
import os
import runpy
import zipfile

script = sys.argv[1]
sys.path.insert(0, script if zipfile.is_zipfile(script) else os.path.dirname(os.path.abspath(script)))

try:
    import yt_dlp  # noqa: F401  (imported for its side effect: the module cache)
    from yt_dlp.extractor import gen_extractor_classes
    for extractor in gen_extractor_classes():
        extractor.suitable('https://warm-up.invalid/')  # compiles every extractor's URL pattern
except Exception:
    pass  # a script that is not yt-dlp (or an older one) simply starts colder

request = sys.stdin.buffer.read()
if not request:
    sys.exit(0)  # Encore stopped or dropped this spare without a run
run = json.loads(request)
os.chdir(run['directory'])
os.environ.clear()
os.environ.update(run['environment'])
sys.argv = [script] + run['arguments']
runpy.run_path(script, run_name='__main__')
