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
return true
