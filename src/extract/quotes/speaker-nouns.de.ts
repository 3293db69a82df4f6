/**
 * Which nouns can name someone who speaks. A speech cue's grammatical subject is not always the
 * speaker: German moves objects to the front ("Die Anwendung stellte der Minister in Frage: „…“"),
 * and a colon may follow any clause ("Seine Zuversicht gründet sich auf …: „…“"). These word shapes
 * rank the noun phrases of a clause: persons and offices first, institutions next, abstract nouns never.
 */

/** Offices, roles and groups of people, also inside compounds ("Regierungssprecherin", "Gentechnik-Experte"). */
export const PERSON_NOUN_DE =
  /(sprecher|minister|präsident|kanzler|chef|leiter|vorsitzende|führer|sekretär|direktor|kommissar|beauftragte|vertreter|berater|experte|expertin|anwalt|anwältin|richter|ermittler|botschafter|diplomat|bürgermeister|abgeordnete|politiker|funktionär|mitarbeiter|mitglied|gründer|manager|analyst|forscher|wissenschaftler|professor|autor|journalist|reporter|korrespondent|redakteur|kritiker|aktivist|demonstrant|anhänger|gegner|zeuge|zeugin|arzt|ärztin|trainer|spieler|sänger|künstler|schriftsteller|theologe|bischof|papst|könig|königin|prinz|kaiser|general|offizier|soldat|polizist|sprecherin|bewohner|einwohner|bürger|anwohner|nutzer|kunde|student|schüler|lehrer|bauer|arbeiter|angestellte|betroffene|opfer|teilnehmer|organisator|veranstalter|initiator|sieger|kandidat|kollege|kollegin|amtskollege|premier|gouverneur|senator|staatsanwalt|verteidiger|kläger|angeklagte|sohn|tochter|vater|mutter|bruder|schwester|frau|mann|männer|leute|menge|team|delegation)(in|innen|en|n|s|es|e|er)?$/i;

/** Institutions, outlets and documents that are quoted as sources ("die Polizei", "die Zeitung", "die Erklärung"). */
export const INSTITUTION_NOUN_DE =
  /(regierung|ministerium|polizei|gericht|kammer|behörde|amt|staatsanwaltschaft|gewerkschaft|verband|partei|fraktion|kommission|rat|parlament|senat|kreml|armee|militär|unternehmen|konzern|firma|bank|agentur|zeitung|blatt|magazin|sender|fernsehen|rundfunk|portal|erklärung|mitteilung|pressemitteilung|bericht|studie|gutachten|schreiben|brief|stellungnahme|papier|dokument|homepage|website|webseite|botschaft|verwaltung|stiftung|organisation|institut|institution|initiative|bündnis|union|koalition|opposition|führung|spitze|vorstand|komitee|ausschuss|gremium|tribunal|universität|klinik|verlag)(en|n|s|es|e)?$/i;

/** Endings of abstract nouns, which name what is said or thought, never who says it ("Zuversicht", "Anwendung", "Haltung"). */
export const ABSTRACT_NOUN_DE = /(ung|ungen|heit|heiten|keit|keiten|ion|ionen|tät|täten|nis|nisse|ismus|sicht|schaft|schaften|ik|tum|ment|ie|ien|auftrag|grund|gründe|fazit|meinung|worte|sympathien|vorbehalte|pflichten|probleme|ziel|ziele|lage|sorge|sorgen|kritik)$/i;
