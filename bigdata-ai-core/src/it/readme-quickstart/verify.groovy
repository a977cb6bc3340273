// Checks what the two plain `java -cp` runs of the README quick start printed.
def target = new File(basedir, 'target')
def with = new File(target, 'with-option.log').getText('UTF-8')
assert with.contains('CONSUMER quick start: 13 batches, 572 rows back from Arrow') : with
assert with.contains('CONSUMER preprocessing: [continent:categorical(label), features:tensor[12]]') : with
def model = (with =~ /CONSUMER model: accuracy ([0-9.]+), prediction (\S+)/)
assert model.find() : with
assert Double.parseDouble(model.group(1)) > 0.9 : with
assert model.group(2) == 'North-Apulia' : with

// without the option: the first use of the library fails with one clear, typed message
def without = new File(target, 'without-option.log').getText('UTF-8')
def first = without.readLines().find { it.startsWith('Exception in thread') }
assert first != null : without
assert first.startsWith('Exception in thread "main" ai.bigdata.core.data.MissingJvmOptionException: ') : without
assert first.contains('--add-opens=java.base/java.nio=ALL-UNNAMED') : without
assert without.contains('JDK_JAVA_OPTIONS=--add-opens=java.base/java.nio=ALL-UNNAMED') : without
assert !without.contains('CONSUMER') : without

// the code between the markers is what README shows (as ReadmeQuickStartTest checks for its copy)
def dir = basedir
while (dir != null && !(new File(dir, 'README.md').isFile() && new File(dir, 'README.md').getText('UTF-8').startsWith('# bigdata-ai'))) {
    dir = dir.parentFile
}
assert dir != null : 'README.md of bigdata-ai not found above ' + basedir
def readme = new File(dir, 'README.md').getText('UTF-8')
def source = new File(basedir, 'src/main/java/consumer/QuickStart.java').readLines('UTF-8')
['README', 'README-PREP', 'README-MODEL'].each { marker ->
    def begin = source.findIndexOf { it.trim() == '// ' + marker + '-BEGIN' }
    def end = source.findIndexOf { it.trim() == '// ' + marker + '-END' }
    assert begin >= 0 && end > begin : marker
    def block = source.subList(begin + 1, end).collect { it.length() >= 8 ? it.substring(8) : it.trim() }.join('\n')
    assert readme.contains(block) : marker + ' block of QuickStart.java is not in README.md:\n' + block
}
return true
