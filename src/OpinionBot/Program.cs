using OpinionBot.Approvals;
using OpinionBot.Bot;
using OpinionBot.Briefings;
using OpinionBot.BotFramework.Hosting;
using OpinionBot.Cases;
using OpinionBot.Conversations;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Delivery;
using OpinionBot.Duty;
using OpinionBot.Evidence;
using OpinionBot.Records;
using OpinionBot.Records.Files;
using OpinionBot.Roster;
using OpinionBot.Configuration;
using OpinionBot.Procedure;
using OpinionBot.Scheduling;
using OpinionBot.Storage;

var builder = WebApplication.CreateBuilder(args);
if (ConfigurationProblems.Find(builder.Configuration, builder.Environment.EnvironmentName) is { Count: > 0 } problems)
    return ConfigurationReport.Refuse(problems);

builder.Host.UseSystemd();

builder.Services.AddOpinionBotOptions(builder.Configuration);
builder.Services.AddBotFramework(builder.Configuration.GetSection("Bot"), builder.Environment);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddScheduling(builder.Configuration);
builder.Services.AddRoster();
builder.Services.AddConversations();
builder.Services.AddDeadlines();
builder.Services.AddCases();
builder.Services.AddEvidence(builder.Configuration);
builder.Services.AddDailyReports();
builder.Services.AddDelivery(builder.Configuration);
builder.Services.AddProcedure(builder.Configuration);
builder.Services.AddApprovals();
builder.Services.AddDuty();
builder.Services.AddBriefings();
builder.Services.AddRecords(builder.Configuration);
builder.Services.AddOpinionBot();
builder.Services.AddHostedService<AnonymousModeWarning>();

var app = builder.Build();
app.MapBotMessages();
app.MapFiles();
app.MapHealthChecks("/health");
app.Run();
return 0;

public partial class Program;
