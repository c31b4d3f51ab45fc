<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>rd::ui::AdminPage</name>
    <message numerus="yes">
        <source>I&amp;mport %n change(s)</source>
        <translation>
            <numerusform>I&amp;mport %n change</numerusform>
            <numerusform>I&amp;mport %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... and %n more problem</numerusform>
            <numerusform>... and %n more problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in %1. Nothing can be imported until they are fixed; the database is unchanged. Fix the lines below and check again.</source>
        <translation>
            <numerusform>%n problem in %1. Nothing can be imported until they are fixed; the database is unchanged. Fix the lines below and check again.</numerusform>
            <numerusform>%n problems in %1. Nothing can be imported until they are fixed; the database is unchanged. Fix the lines below and check again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to change: the database already holds everything in %1 (%n row(s) checked).</source>
        <translation>
            <numerusform>Nothing to change: the database already holds everything in %1 (%n row checked).</numerusform>
            <numerusform>Nothing to change: the database already holds everything in %1 (%n rows checked).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::CallListModel</name>
    <message numerus="yes">
        <source>One call for %n loan(s) of this client:</source>
        <translation>
            <numerusform>One call for %n loan of this client:</numerusform>
            <numerusform>One call for %n loans of this client:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::CallListPage</name>
    <message numerus="yes">
        <source>%n case(s) need action on %1</source>
        <translation>
            <numerusform>%n case needs action on %1</numerusform>
            <numerusform>%n cases need action on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> - %n broken promise(s) first</source>
        <translation>
            <numerusform> - %n broken promise first</numerusform>
            <numerusform> - %n broken promises first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> - %n promise(s) due today</source>
        <translation>
            <numerusform> - %n promise due today</numerusform>
            <numerusform> - %n promises due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n case(s) shown (filtered; Esc in the filter shows all)</source>
        <translation>
            <numerusform>%1 of %n case shown (filtered; Esc in the filter shows all)</numerusform>
            <numerusform>%1 of %n cases shown (filtered; Esc in the filter shows all)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> - %n client(s) to call: a client&apos;s loans are one row</source>
        <translation>
            <numerusform> - %n client to call: a client's loans are one row</numerusform>
            <numerusform> - %n clients to call: a client's loans are one row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> - %n broken plan(s) first</source>
        <translation>
            <numerusform> - %n broken plan first</numerusform>
            <numerusform> - %n broken plans first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::CasesPage</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The selected cases are in %n branch(es); cases move between officers of one branch: select cases of one branch.</source>
        <translation>
            <numerusform>The selected cases are in %n branch; cases move between officers of one branch: select cases of one branch.</numerusform>
            <numerusform>The selected cases are in %n branches; cases move between officers of one branch: select cases of one branch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::LockDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;Locked after %n minute(s) without use.&lt;/b&gt;&lt;br&gt;%1 (%2), enter your password to go on, or sign out.</source>
        <translation>
            <numerusform>&lt;b&gt;Locked after %n minute without use.&lt;/b&gt;&lt;br&gt;%1 (%2), enter your password to go on, or sign out.</numerusform>
            <numerusform>&lt;b&gt;Locked after %n minutes without use.&lt;/b&gt;&lt;br&gt;%1 (%2), enter your password to go on, or sign out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::PlanApprovalsPage</name>
    <message numerus="yes">
        <source>%n plan(s) wait for approval.</source>
        <translation>
            <numerusform>%n plan waits for approval.</numerusform>
            <numerusform>%n plans wait for approval.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts %1; %n installment(s), total %2.</source>
        <translation>
            <numerusform>Starts %1; %n installment, total %2.</numerusform>
            <numerusform>Starts %1; %n installments, total %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plan %1: %2 of loan &lt;b&gt;%3&lt;/b&gt;, total %4 in %n installment(s).</source>
        <translation>
            <numerusform>Plan %1: %2 of loan &lt;b&gt;%3&lt;/b&gt;, total %4 in %n installment.</numerusform>
            <numerusform>Plan %1: %2 of loan &lt;b&gt;%3&lt;/b&gt;, total %4 in %n installments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::PlanConfirmation</name>
    <message numerus="yes">
        <source>A payment counts towards an installment when it is made by its due date or within %n day(s) after it.</source>
        <translation>
            <numerusform>A payment counts towards an installment when it is made by its due date or within %n day after it.</numerusform>
            <numerusform>A payment counts towards an installment when it is made by its due date or within %n days after it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::PlanOptionPanel</name>
    <message numerus="yes">
        <source>arrangement over %n month(s)</source>
        <translation>
            <numerusform>arrangement over %n month</numerusform>
            <numerusform>arrangement over %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>settlement in %n payment(s)</source>
        <translation>
            <numerusform>settlement in %n payment</numerusform>
            <numerusform>settlement in %n payments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reschedule in %n installment(s)</source>
        <translation>
            <numerusform>reschedule in %n installment</numerusform>
            <numerusform>reschedule in %n installments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>What it does to the loan: from %1 it follows this new schedule of %2 and its days past due become 0 (arrears of %3 now). The unpaid interest and charges of %4 %5. It is reported as restructured (in watch) until %n installment(s) of the new schedule are paid.</source>
        <translation>
            <numerusform>What it does to the loan: from %1 it follows this new schedule of %2 and its days past due become 0 (arrears of %3 now). The unpaid interest and charges of %4 %5. It is reported as restructured (in watch) until %n installment of the new schedule are paid.</numerusform>
            <numerusform>What it does to the loan: from %1 it follows this new schedule of %2 and its days past due become 0 (arrears of %3 now). The unpaid interest and charges of %4 %5. It is reported as restructured (in watch) until %n installments of the new schedule are paid.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::PromisesPage</name>
    <message numerus="yes">
        <source>%n promise(s): </source>
        <translation>
            <numerusform>%n promise: </numerusform>
            <numerusform>%n promises: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::ReassignDialog</name>
    <message numerus="yes">
        <source>%n case(s) selected: %1</source>
        <translation>
            <numerusform>%n case selected: %1</numerusform>
            <numerusform>%n cases selected: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) moved; these were not:</source>
        <translation>
            <numerusform>%n case moved; these were not:</numerusform>
            <numerusform>%n cases moved; these were not:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::SearchPage</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::TakePaymentDialog</name>
    <message numerus="yes">
        <source>e.g. %1 (at most %n decimal(s))</source>
        <translation>
            <numerusform>e.g. %1 (at most %n decimal)</numerusform>
            <numerusform>e.g. %1 (at most %n decimals)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::ui::TeamPage</name>
    <message numerus="yes">
        <source>%n request(s) wait for a decision.</source>
        <translation>
            <numerusform>%n request waits for a decision.</numerusform>
            <numerusform>%n requests wait for a decision.</numerusform>
        </translation>
    </message>
</context>
</TS>
